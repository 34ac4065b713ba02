import ArgumentParser
import FlowScenarios
import FlowSyntax

extension ScenarioReportFormat: ExpressibleByArgument {}

/// `flowc test [PATH...] [--format text|json|junit]`
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the scenarios (*.test.yaml) of a project and report each failed expectation.",
        discussion: """
        Each scenario replays its events through the real engine and compares what the flows did \
        with what it expects. Exit codes: 0 every scenario passed, 1 a scenario failed, the \
        project has errors or holds no scenarios, 2 usage or I/O error, 3 internal error.
        """
    )

    @Argument(help: "Flows directories or *.test.yaml files (default: ./flows).")
    var paths: [String] = []

    @Option(help: "Output format: text, json or junit (JUnit XML for CI).")
    var format: ScenarioReportFormat = .text

    func run() throws {
        var results: [ScenarioResult] = []
        for path in paths.isEmpty ? ["flows"] : paths {
            let project = try loadCheckedProject(path, before: "testing")
            results += ScenarioRunner(project: project).runAll()
        }
        if results.isEmpty {
            printError("error: no scenarios found; write them in `*.test.yaml` files beside the flows")
            throw ExitCode(1)
        }
        printOutput(format.render(results))
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
