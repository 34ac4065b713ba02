import ArgumentParser
import FlowCheck
import FlowSyntax
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

/// `flowc check [PATH...] [--format text|json|github|sarif] [--strict]`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check flows, templates and settings and report problems.",
        discussion: "Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O error, 3 internal error."
    )

    @Argument(help: "Flows directories or *.flow.yaml files (default: ./flows).")
    var paths: [String] = []

    @Option(help: "Output format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        for path in paths.isEmpty ? ["flows"] : paths {
            let project = try loadProject(path)
            diagnostics += Checker.check(project)
            sources.merge(project.files) { first, _ in first }
        }
        diagnostics.sort(by: Diagnostic.ordered)
        let color = format == .text && TerminalColor.isEnabled(
            isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let output = format.render(diagnostics, sources: sources, color: color, toolVersion: Flowc.version)
        if !output.isEmpty { printOutput(output.hasSuffix("\n") ? output : output + "\n") }
        let outcome = CheckOutcome(diagnostics: diagnostics)
        if format == .text, let summary = outcome.summary { printError(summary) }
        let code = outcome.exitCode(strict: strict)
        if code != 0 { throw ExitCode(code) }
    }
}

/// Loads a project, turning an unreadable path into exit code 2 with a message.
func loadProject(_ path: String) throws -> Project {
    do {
        return try ProjectLoader.load(path)
    } catch let error as ProjectLoadError {
        printError("error: \(error.description)")
        throw ExitCode(2)
    }
}

/// Loads a project and refuses it (exit 1, diagnostics on standard error) when it has errors.
func loadCheckedProject(_ path: String, before activity: String) throws -> Project {
    let project = try loadProject(path)
    let diagnostics = Checker.check(project)
    if diagnostics.contains(where: { $0.severity == .error }) {
        printError(TextRenderer(sources: project.files).render(diagnostics.sorted(by: Diagnostic.ordered)))
        printError("error: the project has errors; fix them before \(activity) (see `flowc check \(path)`)")
        throw ExitCode(1)
    }
    return project
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes text to standard output, unbuffered.
func printOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
