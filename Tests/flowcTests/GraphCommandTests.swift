import Foundation
import Testing

/// `flowc graph`: Mermaid output of every demo flow matches its golden file under
/// Fixtures/graph/, DOT output renders with Graphviz, `--events` turns both into a heat map,
/// and bad arguments exit as the spec says.
@Suite struct GraphCommandTests {
    static let goldens = FlowcProcess.fixtures.appendingPathComponent("graph")

    static let demoFlows = [
        "abandoned-cart", "birthday", "order-confirmation", "review-request", "vip-upgrade",
        "welcome-series", "win-back",
    ]

    /// A flow whose names, events, conditions and values hold quotes, `<`, `>`, `#`, `|`,
    /// `&`, backticks and backslashes.
    static let oddTextFlow = "Tests/flowcTests/Fixtures/graph/odd-text/odd-text.flow.yaml"

    /// Every demo flow by id, and the odd-text flow by path, as `flowc graph` arguments.
    static let flowArguments = demoFlows + [oddTextFlow]

    static func goldenName(_ argument: String) -> String {
        argument == oddTextFlow ? "odd-text.mmd" : "\(argument).mmd"
    }

    @Test(arguments: flowArguments)
    func mermaidMatchesGolden(flow: String) throws {
        let result = try FlowcProcess.run(["graph", flow], in: FlowcProcess.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("flowchart TD\n"))
        let golden = Self.goldens.appendingPathComponent(Self.goldenName(flow))
        if let expected = try Golden.expected(at: golden, actual: result.stdout) {
            #expect(result.stdout == expected)
        }
    }

    @Test(arguments: flowArguments)
    func dotRendersWithGraphviz(flow: String) throws {
        let result = try FlowcProcess.run(["graph", flow, "--format", "dot"], in: FlowcProcess.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try Graphviz.renderSVG(result.stdout)
        #expect(svg.status == 0, "dot -Tsvg failed: \(svg.stderr)")
        #expect(svg.stdout.contains("<svg"))
        #expect(svg.stderr.isEmpty, "dot -Tsvg warned: \(svg.stderr)")
    }

    /// The b-opened-clicked replay scenario, run on past the day-later branch.
    static let heatScenario = FlowcProcess.fixtures.appendingPathComponent("replay/b-opened-clicked")
    static let heatArguments = ["graph", "news", "--project", "flows", "--events", "events.jsonl", "--until", "2026-03-04T00:00:00Z"]

    /// Counts checked by hand against the log: 5 sign-ups enter and complete; `mail` goes to all
    /// 5, u1's message is opened (by u1 and, naming it, u4: one message) and u3's clicked; the
    /// branch sends `clicker` to u3, `opener` to u1 and `nope` to u2, u4, u5; the wait and the
    /// branch are reached 5 times, each `end` step once. Shades: 5 of 5 is level 4, 3 of 5
    /// level 3, 1 of 5 level 1.
    @Test func eventsAnnotateTheMermaidDiagramAsAHeatMap() throws {
        let result = try FlowcProcess.run(Self.heatArguments, in: Self.heatScenario)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("entered 5, completed 5, converted 0, exited 0"))
        #expect(result.stdout.contains("mail<br>send hello<br>entered 5, sent 5, opened 1, clicked 1, converted 0"))
        #expect(result.stdout.contains("nope<br>send nope<br>entered 3, sent 3, opened 0, clicked 0, converted 0"))
        #expect(result.stdout.contains("check<br>branch<br>entered 5"))
        #expect(result.stdout.contains("    class step8 heat3\n"))
        let golden = Self.goldens.appendingPathComponent("news-heat.mmd")
        if let expected = try Golden.expected(at: golden, actual: result.stdout) {
            #expect(result.stdout == expected)
        }
    }

    @Test func annotatedDOTRendersWithGraphviz() throws {
        let result = try FlowcProcess.run(Self.heatArguments + ["--format", "dot"], in: Self.heatScenario)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("style=\"rounded,bold,filled\", fillcolor=\"#f03b20\""))
        #expect(result.stdout.contains("entered 1, sent 1, opened 0, clicked 0, converted 0\", shape=box, style=filled, fillcolor=\"#ffffb2\""))
        let svg = try Graphviz.renderSVG(result.stdout)
        #expect(svg.status == 0, "dot -Tsvg failed: \(svg.stderr)")
        #expect(svg.stdout.contains("<svg"))
        #expect(svg.stdout.contains("fill=\"#f03b20\""))
        #expect(svg.stderr.isEmpty, "dot -Tsvg warned: \(svg.stderr)")
    }

    @Test func untilWithoutEventsIsAUsageError() throws {
        let result = try FlowcProcess.run(["graph", "news", "--project", "flows", "--until", "2026-03-04T00:00:00Z"], in: Self.heatScenario)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--until needs --events"))
    }

    @Test func unreadableEventLogExitsWithTwo() throws {
        let result = try FlowcProcess.run(["graph", "news", "--project", "flows", "--events", "missing.jsonl"], in: Self.heatScenario)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("cannot open the event log"))
    }

    @Test func unknownFlowIDExitsWithTwoAndASuggestion() throws {
        let result = try FlowcProcess.run(["graph", "welcome-serie"], in: FlowcProcess.packageRoot)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no flow `welcome-serie` in `flows`"))
        #expect(result.stderr.contains("did you mean `welcome-series`?"))
    }

    @Test func unknownFlowIDWithNothingCloseListsTheFlows() throws {
        let result = try FlowcProcess.run(["graph", "newsletter"], in: FlowcProcess.packageRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("the flows are `abandoned-cart`, `birthday`"))
    }

    @Test func flowWithErrorsPrintsThemAndExitsWithOne() throws {
        let checks = FlowcProcess.fixtures.appendingPathComponent("check")
        let result = try FlowcProcess.run(["graph", "demo", "--project", "FC101-unknown-step"], in: checks)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error[FC101]: unknown step `remindr`"))
        #expect(result.stderr.contains("did you mean `remind`?"))
    }

    @Test func flowIDIsLookedUpInTheProjectOption() throws {
        let result = try FlowcProcess.run(
            ["graph", "odd-text", "--project", "Fixtures/graph/odd-text"], in: FlowcProcess.fixtures.deletingLastPathComponent())
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("odd-text.mmd"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func missingPathExitsWithTwo() throws {
        let result = try FlowcProcess.run(["graph", "nowhere/missing.flow.yaml"], in: FlowcProcess.packageRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such file or directory: nowhere/missing.flow.yaml"))
    }
}

/// Graphviz's `dot`, found on `PATH` (Debian package `graphviz`).
enum Graphviz {
    struct MissingDot: Error, CustomStringConvertible {
        var description: String {
            "Graphviz `dot` is not on PATH: install it (`apt-get install -y graphviz`, see scripts/install-deps.sh)"
        }
    }

    static let dot: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("dot") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `dot -Tsvg` on `source`.
    static func renderSVG(_ source: String) throws -> FlowcProcess.Result {
        guard let dot else { throw MissingDot() }
        let process = Process()
        process.executableURL = dot
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { usleep(1000) }
        return FlowcProcess.Result(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self)
        )
    }
}
