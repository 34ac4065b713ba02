import ArgumentParser
import FlowCheck
import FlowReport
import FlowSyntax
import Foundation

extension DiagramFormat: ExpressibleByArgument {}

/// `flowc graph FLOW-or-PATH [--format mermaid|dot] [--project PATH]`
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a flow as a diagram: Mermaid for GitHub Markdown, or DOT for Graphviz.",
        discussion: """
        FLOW is a flow id, looked up in the project (--project, default ./flows), or a path to a \
        *.flow.yaml file. Exit codes: 0 diagram printed, 1 the flow has errors (printed to \
        standard error), 2 unknown flow, usage or I/O error, 3 internal error.
        """
    )

    @Argument(help: "A flow id, or a path to a *.flow.yaml file.")
    var flow: String

    @Option(help: "Output format: mermaid or dot.")
    var format: DiagramFormat = .mermaid

    @Option(help: "The flows directory in which a flow id is looked up.")
    var project: String = "flows"

    /// Flow ids never contain `/` or `.`, so anything that does is a path.
    private var isPath: Bool { flow.contains("/") || flow.hasSuffix(".yaml") }

    func run() throws {
        let loaded = try loadProject(isPath ? flow : project)
        let file = isPath ? flow : try flowFile(withID: flow, in: loaded)
        let errors = Checker.check(loaded).filter { $0.file == file && $0.severity == .error }
        guard errors.isEmpty, let selected = loaded.flows.first(where: { $0.source.path == file }) else {
            reportErrors(errors, in: loaded, file: file)
            throw ExitCode(1)
        }
        let diagram = FlowDiagram(flow: selected)
        printOutput(format.render(diagram))
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
