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

    @Option(help: "The event log (JSON Lines), or - for standard input.")
    var events: String

    @Option(help: "Run the clock on to this RFC 3339 time, or `now` (default: the last event's time).")
    var until: String?

    @Option(help: "Output format: text (for people) or json (one document for tools).")
    var format: Format = .text

    @Flag(help: "Sort the log by timestamp first instead of refusing out-of-order lines.")
    var sort = false

    @Flag(help: "Skip malformed lines instead of stopping.")
    var skipInvalid = false

    func validate() throws {
        try UntilOption.validate(until)
    }

    func run() throws {
        let project = try loadCheckedProject(path, before: "explaining")
        let compiled = IRCompiler.compile(project)
        let renderer: TemplateRenderer
        do {
            renderer = try TemplateRenderer(templates: project.templates.values.map(TemplateSource.init), unsubscribeURL: compiled.unsubscribeURL)
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(2)
        }
        let builder: StoryBuilder
        do {
            let reader = try EventLogReader(path: events, options: EventLogOptions(sort: sort, skipInvalid: skipInvalid))
            builder = try StoryBuilder.replay(
                contact: contact, project: project, compiled: compiled, renderer: renderer,
                events: reader, until: UntilOption.instant(until))
        } catch {
            printError(error.description)
            throw ExitCode(error.line == nil ? 2 : 1)
        }
        guard builder.contactAppeared else {
            printError("error: no contact `\(contact)` in the event log `\(events)`")
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
