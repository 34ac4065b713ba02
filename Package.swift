// swift-tools-version:6.1
// flowc — a compiler and runner for email marketing-automation flows.
//
// The pipeline, one target per stage:
//   text → YAML nodes → AST            FlowSyntax  (libyaml through CYAML)
//   AST → diagnostics                  FlowCheck
//   checked AST → executable graph     FlowIR
//   event log → replay → run records   FlowRuntime
//   records → MIME → transport         FlowMail
//   records + feedback → metrics       FlowReport
//   command line                       flowc
import PackageDescription

/// The replay's hot path runs without dynamic exclusivity checks: FlowRuntime, and the flowc
/// target as a whole (its record output is on the path; its other commands lose checks they
/// never needed). They cost ~5% of a replay and the engine makes no overlapping accesses; each
/// piece of state belongs to one thread (the reader's, the replay's or the printer's, see
/// `ReadAheadEventReader` and `RecordPrinter`). Debug builds, and so the tests, keep the checks.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "flowc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "flowc", targets: ["flowc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // System libyaml (pkg-config yaml-0.1, Debian package libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Text → YAML nodes with spans → typed flow AST; expression parser.
        .target(name: "FlowSyntax", dependencies: ["CYAML"]),
        // AST → diagnostics: rules, type checking, renderers.
        .target(name: "FlowCheck", dependencies: ["FlowSyntax"]),
        // Checked AST → compiled flow graph the runner executes.
        .target(name: "FlowIR", dependencies: ["FlowSyntax", "FlowCheck"]),
        // SHA-256 blocks with the x86 SHA instructions, for message ids (portable Swift elsewhere).
        .target(name: "CSHA256"),
        // A cache prefetch hint for the replay's hot path.
        .target(name: "CPrefetch"),
        // Event log → deterministic replay → run records.
        .target(
            name: "FlowRuntime",
            dependencies: ["FlowSyntax", "FlowCheck", "FlowIR", "CSHA256", "CPrefetch"],
            swiftSettings: hotPath
        ),
        // Run records → rendered MIME messages → outbox / SMTP; delivery ledger.
        .target(
            name: "FlowMail",
            dependencies: [
                "FlowSyntax", "FlowIR", "FlowRuntime",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Rendered messages → a real SMTP relay over SwiftNIO (STARTTLS, AUTH, pool, retries).
        .target(
            name: "FlowSMTP",
            dependencies: [
                "FlowMail",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Scenario files (`*.test.yaml`) → replay → expectations met or a readable diff.
        .target(name: "FlowScenarios", dependencies: ["FlowSyntax", "FlowCheck", "FlowIR", "FlowRuntime", "FlowMail"]),
        // A replay trace → one contact's story: triggers, decisions, messages.
        .target(name: "FlowExplain", dependencies: ["FlowSyntax", "FlowCheck", "FlowIR", "FlowRuntime", "FlowMail"]),
        // Run records and mail feedback → metrics, A/B statistics, reports and flow diagrams.
        .target(name: "FlowReport", dependencies: ["FlowSyntax", "FlowCheck", "FlowIR", "FlowRuntime"]),
        // The command line: argument parsing and subcommands only.
        .executableTarget(
            name: "flowc",
            dependencies: [
                "FlowSyntax", "FlowCheck", "FlowIR", "FlowRuntime", "FlowMail", "FlowReport",
                "FlowSMTP", "FlowScenarios", "FlowExplain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // grammar/flow.schema.json, embedded for `flowc schema`.
            resources: [.embedInCode("Resources/flow.schema.json")],
            swiftSettings: hotPath,
            // mimalloc (Debian's libmimalloc-dev) replaces malloc for the whole process: `flowc run`
            // allocates on its reader and replay threads and frees on the next one, which glibc's
            // per-arena locks serialise (docs/decisions.md, "How flowc run uses the machine").
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Helpers shared by the test targets (a seeded generator for fuzz and mutation tests).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FlowSyntaxTests", dependencies: ["TestSupport", "FlowSyntax"]),
        .testTarget(name: "FlowCheckTests", dependencies: ["TestSupport", "FlowCheck", "FlowSyntax"]),
        .testTarget(name: "FlowIRTests", dependencies: ["TestSupport", "FlowIR", "FlowCheck", "FlowSyntax"]),
        .testTarget(name: "FlowRuntimeTests", dependencies: ["TestSupport", "FlowRuntime", "FlowIR", "FlowCheck", "FlowSyntax"]),
        .testTarget(name: "FlowMailTests", dependencies: ["TestSupport", "FlowMail", "FlowRuntime", "FlowIR", "FlowSyntax"]),
        .testTarget(name: "FlowReportTests", dependencies: ["TestSupport", "FlowReport", "FlowRuntime", "FlowSyntax"]),
        .testTarget(
            name: "FlowSMTPTests",
            dependencies: [
                "TestSupport", "FlowSMTP", "FlowMail", "FlowRuntime", "FlowSyntax",
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "FlowScenariosTests", dependencies: ["TestSupport", "FlowScenarios", "FlowCheck", "FlowSyntax"]),
        .testTarget(name: "FlowExplainTests", dependencies: ["TestSupport", "FlowExplain", "FlowRuntime", "FlowSyntax"]),
        // Fixtures and Python helpers are read from the source tree, not bundled.
        .testTarget(
            name: "flowcTests",
            dependencies: ["TestSupport", "flowc", "FlowCheck"],
            exclude: ["Fixtures", "check_eml.py", "smtp_server.py"]
        ),
    ]
)
