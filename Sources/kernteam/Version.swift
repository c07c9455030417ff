/// The program's version: the one place it is written. `kernteam --version` prints it, and the root
/// help shows it.
enum KernteamVersion {
    static let number = "0.9.0"
}
