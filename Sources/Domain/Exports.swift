// Everything that uses the domain also speaks to users: the texts come with it.
@_exported import KernteamText
