import ArgumentParser
import FlowCheck
import FlowIR
import FlowReport
import FlowRuntime
import FlowSyntax
import Foundation

extension DiagramFormat: ExpressibleByArgument {}

/// `flowc graph FLOW-or-PATH [--format mermaid|dot] [--project PATH] [--events FILE [--until T]]`
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a flow as a diagram: Mermaid for GitHub Markdown, or DOT for Graphviz.",
        discussion: """
        FLOW is a flow id, looked up in the project (--project, default ./flows), or a path to a \
        *.flow.yaml file. With --events, the log is replayed through the whole project and the \
        diagram becomes a heat map: the start node shows the flow's entered, completed, converted \
        and exited counts, every step how many times instances reached it (entered), each send step \
        also its sent, opened, clicked and converted counts, and the nodes are shaded by entered volume. Exit codes: 0 diagram printed, 1 the flow has errors (printed to \
        standard error), 2 unknown flow, usage or I/O error, 3 internal error.
        """
    )

    @Argument(help: "A flow id, or a path to a *.flow.yaml file.")
    var flow: String

    @Option(help: "Output format: mermaid or dot.")
    var format: DiagramFormat = .mermaid

    @Option(help: "The flows directory in which a flow id is looked up.")
    var project: String = "flows"

    @Option(help: "An event log (JSON Lines, or - for standard input) to replay and show as a heat map.")
    var events: String?

    @Option(help: "With --events: run the clock on to this RFC 3339 time (default: the last event's time).")
    var until: String?

    /// Flow ids never contain `/` or `.`, so anything that does is a path.
    private var isPath: Bool { flow.contains("/") || flow.hasSuffix(".yaml") }

    func validate() throws {
        if let until {
            guard events != nil else { throw ValidationError("--until needs --events") }
            if RFC3339.parse(until) == nil {
                throw ValidationError("--until takes an RFC 3339 time such as 2026-06-01T00:00:00Z")
            }
        }
    }

    func run() throws {
        let loaded = try loadProject(isPath ? flow : project)
        let file = isPath ? flow : try flowFile(withID: flow, in: loaded)
        // Replaying a log runs every flow of the project, so then every flow must be free of errors.
        let errors = Checker.check(loaded).filter { ($0.file == file || events != nil) && $0.severity == .error }
        guard errors.isEmpty, let selected = loaded.flows.first(where: { $0.source.path == file }) else {
            reportErrors(errors, in: loaded, file: file)
            throw ExitCode(1)
        }
        var diagram = FlowDiagram(flow: selected)
        if let events {
            diagram = try heatMap(of: diagram, flowID: selected.id?.value, project: loaded, events: events)
        }
        printOutput(format.render(diagram))
    }

    /// `diagram` annotated with the counts of replaying `events` through the whole project.
    /// A bad log exits with 1 (a malformed line) or 2 (cannot be read).
    private func heatMap(of diagram: FlowDiagram, flowID: String?, project: Project, events: String) throws -> FlowDiagram {
        let replay: (report: ProjectReport, steps: StepVisitCounter)
        do {
            let reader = try EventLogReader(path: events)
            replay = try ReportBuilder.reportCountingSteps(
                of: IRCompiler.compile(project), events: reader, until: until.flatMap(RFC3339.parse))
        } catch {
            printError(error.description)
            throw ExitCode(error.line == nil ? 2 : 1)
        }
        guard let flowID, let metrics = replay.report.flows.first(where: { $0.id == flowID }),
              let visits = replay.steps.visits(ofFlow: flowID)
        else { return diagram }
        return diagram.annotated(with: metrics, visits: visits)
    }

    /// The file of the flow with `id`; an unknown id exits with 2 and a suggestion.
    private func flowFile(withID id: String, in project: Project) throws -> String {
        if let found = project.flows.first(where: { $0.id?.value == id }) { return found.source.path }
        let ids = project.flows.compactMap(\.id?.value).sorted()
        printError("error: no flow `\(id)` in `\(project.directory)`")
        if let close = suggestion(for: id, among: ids) {
            printError("  = help: did you mean `\(close)`?")
        } else if !ids.isEmpty {
            printError("  = help: the flows are " + ids.map { "`\($0)`" }.joined(separator: ", "))
        }
        throw ExitCode(2)
    }

    private func reportErrors(_ errors: [Diagnostic], in project: Project, file: String) {
        guard !errors.isEmpty else {
            printError("error: no flow could be read from `\(file)`")
            return
        }
        let color = TerminalColor.isEnabled(
            isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let text = DiagnosticFormat.text.render(errors, sources: project.files, color: color, toolVersion: Flowc.version)
        printError(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        if let summary = CheckOutcome(diagnostics: errors).summary { printError(summary) }
        printError("fix the errors above to draw `\(file)`")
    }
}
