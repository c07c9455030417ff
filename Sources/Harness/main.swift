// Placeholder until the reliability harness lands; prints usage.
print("usage: kernteam-harness <command>")
