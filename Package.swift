// swift-tools-version:6.0
import PackageDescription

// The byte-level readers of the log (lines, chain, JSON) are optimised in debug builds too: every test
// that opens, verifies, fuzzes or tampers with a log runs them hundreds of thousands of times, and
// unoptimised Swift is ten times slower there (DECISIONS 45). They hold no `assert` that -O would drop.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

// One target per job; only `Terminal` (through `CNcursesw`) touches ncurses.
let package = Package(
    name: "kernteam",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kernteam", targets: ["kernteam"]),
        .executable(name: "kernteam-harness", targets: ["KernteamHarness"]),
        .executable(name: "kernteam-bench", targets: ["KernteamBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // Every target that reads texts names KernteamText itself, though the domain re-exports it: the build
        // only recompiles a target when a module it names changes, and a stale copy of the Text enum's
        // layout in a target that did not recompile crashed at run time.
        // Every text a user reads (Dutch, English, examples, CLI help) and the words they are looked up by.
        .target(name: "KernteamText", path: "Sources/Text"),
        // Pure domain: places, records, events, fold, the rules per record kind, policy. Re-exports the texts.
        .target(name: "KernteamDomain", dependencies: ["KernteamText"], path: "Sources/Domain"),
        // The append-only file: lines, hash chain, locking, durable append, recovery, verify.
        .target(
            name: "KernteamLog",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/LogStore",
            swiftSettings: optimizedInDebug
        ),
        // Events to log lines and back: the event coding and the fast JSON reader.
        .target(name: "KernteamCodec", dependencies: ["KernteamText", "KernteamDomain", "KernteamLog"], path: "Sources/LogCodec",
                swiftSettings: optimizedInDebug),
        // libpq, PostgreSQL's C client (Debian: libpq-dev); see docs/DECISIONS.md.
        .systemLibrary(
            name: "CLibpq",
            path: "Sources/CLibpq",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // The same log as rows of an append-only table in PostgreSQL, one stream per kern log.
        .target(
            name: "KernteamPostgres",
            dependencies: ["CLibpq", "KernteamLog"],
            path: "Sources/PostgresLog"
        ),
        // Domain + log: open a log, fold it, validate and append new events.
        .target(
            name: "KernteamSession",
            dependencies: ["KernteamText", "KernteamDomain", "KernteamLog", "KernteamCodec", "KernteamPostgres"],
            path: "Sources/Session"
        ),
        // Made-up logs: the demo story, the generator for large logs, seeded randomness (demo, bench, tests).
        .target(
            name: "KernteamFixtures",
            dependencies: ["KernteamText", "KernteamDomain", "KernteamLog", "KernteamCodec", "KernteamSession"],
            path: "Sources/Fixtures"
        ),
        // Documents people take away: minutes, action lists, reports, calendar, newsletter. Pure text.
        .target(name: "KernteamReports", dependencies: ["KernteamText", "KernteamDomain"], path: "Sources/Reports"),
        // The C library's wcwidth in a UTF-8 locale: display columns as ncurses counts them.
        .target(name: "CWidth", path: "Sources/CWidth"),
        // Pure TUI: cells, buffer, layout, panes, key map, UI state and reducer. No ncurses.
        .target(name: "KernteamTUI", dependencies: ["KernteamText", "KernteamDomain", "CWidth"], path: "Sources/TUICore"),
        // The program loop: effects carried out off the input loop (`Worker`), the session port and its
        // in-memory implementation. Talks to a terminal and a session only through their protocols.
        .target(name: "KernteamApp", dependencies: ["KernteamText", "KernteamDomain", "KernteamTUI"], path: "Sources/App"),
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only code that calls ncurses.
        .target(
            name: "KernteamTerminal",
            dependencies: ["CNcursesw", "KernteamText", "KernteamTUI"],
            path: "Sources/Terminal"
        ),
        .executableTarget(
            name: "kernteam",
            dependencies: [
                "KernteamText", "KernteamDomain", "KernteamLog", "KernteamCodec", "KernteamSession", "KernteamFixtures", "KernteamTUI",
                "KernteamApp", "KernteamTerminal", "KernteamReports", "KernteamPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/kernteam"
        ),
        // Test harness processes for the reliability tests: appenders to SIGKILL, concurrent writers.
        .executableTarget(
            name: "KernteamHarness",
            dependencies: ["KernteamText", "KernteamDomain", "KernteamLog", "KernteamCodec", "KernteamSession", "KernteamPostgres"],
            path: "Sources/Harness"
        ),
        // In-process benchmarks (open + first frame, keystroke to frame, durable append, memory).
        .executableTarget(
            name: "KernteamBench",
            dependencies: ["KernteamText", "KernteamDomain", "KernteamLog", "KernteamSession", "KernteamFixtures", "KernteamTUI", "KernteamPostgres"],
            path: "Sources/Bench"
        ),
        .testTarget(name: "DomainTests", dependencies: ["KernteamText", "KernteamDomain"], path: "Tests/DomainTests"),
        .testTarget(
            name: "LogStoreTests",
            dependencies: ["KernteamText", "KernteamLog", "KernteamCodec", "KernteamSession", "KernteamFixtures", "KernteamDomain"],
            path: "Tests/LogStoreTests",
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TUICoreTests",
            dependencies: ["KernteamText", "KernteamTUI", "KernteamApp", "KernteamTerminal", "KernteamDomain", "KernteamSession"],
            path: "Tests/TUICoreTests",
            exclude: ["Golden"]
        ),
        // The whole program: in process on a TestTerminal where that shows the same, the real binary under
        // tmux for what only a real terminal shows, and the command line.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["kernteam", "KernteamText", "KernteamApp", "KernteamTUI", "KernteamSession", "KernteamDomain"],
            path: "Tests/EndToEndTests"
        ),
        // The command-line program's own parts (its JSON writer, the parser's words).
        .testTarget(
            name: "CLITests",
            dependencies: ["kernteam", "KernteamText", "KernteamDomain", "KernteamSession", "KernteamReports"],
            path: "Tests/CLITests"
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["KernteamText", "KernteamReports", "KernteamDomain", "KernteamSession"],
            path: "Tests/ReportsTests",
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["KernteamText", "KernteamLog", "KernteamCodec", "KernteamSession", "KernteamFixtures", "KernteamDomain", "KernteamTUI", "KernteamPostgres"],
            path: "Tests/ReliabilityTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
