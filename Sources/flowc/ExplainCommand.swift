import ArgumentParser
import FlowExplain
import FlowIR
import FlowMail
import FlowRuntime
import FlowSyntax
import Foundation

/// `flowc explain CONTACT --events FILE [PATH] [--until T] [--format text|json]`
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Tell one contact's story in a replayed log: why they got (or did not get) each email.",
        discussion: """
        The whole log is replayed exactly as `flowc run` replays it; only the contact's part is \
        told: traits as they changed, each trigger and whether it started a flow (and if not, why), \
        every step with its decision — branch conditions with the values they saw, waits, delivery \
        window postponements, skips and their reasons, goals and exits — and every message with its \
        subject. Exit codes: 0 story printed, 1 unknown contact, a project with errors or a bad \
        log line, 2 usage or I/O error, 3 internal error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The contact id (the log's userId, else anonymousId).")
    var contact: String

    @Argument(help: "The flows directory or a *.flow.yaml file (default: ./flows).")
    var path = "flows"

    @OptionGroup var log: EventLogArguments

    @Option(help: "Output format: text (for people) or json (one document for tools).")
    var format: Format = .text

    func run() throws {
        let project = try loadCheckedProject(path, before: "explaining")
        let compiled = IRCompiler.compile(project)
        let renderer = try loadTemplates(of: project, compiled)
        let builder: StoryBuilder
        do {
            let reader = try log.openReader()
            builder = try StoryBuilder.replay(
                contact: contact, project: project, compiled: compiled, renderer: renderer,
                events: reader, until: log.untilInstant)
        } catch {
            printError(error.description)
            throw ExitCode(error.line == nil ? 2 : 1)
        }
        guard builder.contactAppeared else {
            printError("error: no contact `\(contact)` in the event log `\(log.events)`")
            if let close = suggestion(for: contact, among: builder.contactsSeen.sorted()) {
                printError("  = help: did you mean `\(close)`?")
            }
            throw ExitCode(1)
        }
        switch format {
        case .text: printOutput(StoryText.render(builder.story))
        case .json: printOutput(StoryJSON.render(builder.story))
        }
    }
}
