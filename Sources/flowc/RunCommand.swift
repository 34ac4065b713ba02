import ArgumentParser
import FlowCheck
import FlowIR
import FlowMail
import FlowRuntime
import FlowSyntax
import Foundation

/// `flowc run [PATH] --events FILE|- [--until TIME|now] [--sort] [--skip-invalid]
///           [--dry-run | --outbox DIR | --smtp URL] [--state DIR] [--json]`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay an event log through the flows and deliver the mail they call for.",
        discussion: """
        The replay is planned in full first; mail is delivered only after the whole log was read \
        without a fatal error. Delivered message ids are kept in the state directory, so running \
        the same log again delivers nothing twice.
        """
    )

    @Argument(help: "The flows directory or a *.flow.yaml file (default: ./flows).")
    var path = "flows"

    @Option(help: "The event log (JSON Lines), or - for standard input.")
    var events: String

    @Option(help: "Run the clock on to this RFC 3339 time, or `now` (default: the last event's time).")
    var until: String?

    @Flag(help: "Sort the log by timestamp first instead of refusing out-of-order lines.")
    var sort = false

    @Flag(help: "Skip malformed lines (counted in the summary) instead of stopping.")
    var skipInvalid = false

    @Flag(help: "Deliver nothing.")
    var dryRun = false

    @Option(help: "Write each message as an .eml file into this Maildir (default transport: ./outbox).")
    var outbox: String?

    @Option(help: "Deliver over SMTP (smtp://host:port or smtps://host:port).")
    var smtp: String?

    @Option(help: "The state directory holding the delivery ledger.")
    var state = ".flowc"

    @Flag(help: "Print one JSON object per run record to standard output.")
    var json = false

    func validate() throws {
        if [dryRun, outbox != nil, smtp != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --dry-run, --outbox and --smtp")
        }
        if let until, until != "now", RFC3339.parse(until) == nil {
            throw ValidationError("--until takes an RFC 3339 time such as 2026-06-01T00:00:00Z, or `now`")
        }
    }

    func run() throws {
        let started = Date()
        let project = try loadCheckedProject(path, before: "running")
        if smtp != nil {
            printError("error: SMTP delivery is not available yet; use --outbox DIR or --dry-run")
            throw ExitCode(2)
        }
        let compiled = IRCompiler.compile(project)
        let renderer = try mail { () throws(MailError) in try TemplateRenderer(templates: project.templates.values.map(TemplateSource.init), unsubscribeURL: compiled.unsubscribeURL) }
        let output = RunOutput(renderer: renderer, json: json, keepPlan: !dryRun)
        let replayer = Replayer(project: compiled, sink: output)
        let reader: EventLogReader
        do {
            reader = try EventLogReader(path: events, options: EventLogOptions(sort: sort, skipInvalid: skipInvalid))
            try Self.replay(reader, into: replayer)
        } catch {
            output.flush()
            printError(error.description)
            printError("error: nothing was delivered")
            throw ExitCode(error.line == nil ? 2 : 1)
        }
        replayer.finish(until: until.map { $0 == "now" ? Int64(Date().timeIntervalSince1970 * 1000) : RFC3339.parse($0)! })
        output.flush()
        if let failure = output.failure {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
        var delivery: DeliverySummary?
        if !dryRun, let send = output.plan.first(where: { $0.from.isEmpty }) {
            printError("error: message \(send.id) of flow `\(send.flow)` (template `\(send.template)`) has no from address; nothing was delivered")
            printError("  = help: set `from:` in flowc.yaml, in the flow's `delivery`, in the template or on the send step")
            throw ExitCode(1)
        }
        if !dryRun {
            let directory = outbox ?? "outbox"
            delivery = try mail { () throws(MailError) in
                try Delivery(renderer: renderer, transport: MaildirTransport(directory: directory), ledger: Ledger(stateDirectory: state))
                    .deliver(output.plan)
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        printError(RunSummaryText.render(
            replay: replayer.summary, log: reader.stats, delivery: delivery,
            destination: dryRun ? nil : (outbox ?? "outbox"), elapsed: elapsed))
    }

    /// Feeds every event of the log to the replay, with a progress line on a terminal.
    private static func replay(_ reader: EventLogReader, into replayer: Replayer) throws(EventLogError) {
        let progress = Progress()
        defer { progress.clear() }
        while let event = try reader.next() {
            replayer.process(event)
            progress.tick(replayer.summary.events)
        }
    }

    /// Runs mail-side work, turning a `MailError` into a message and exit code 2.
    private func mail<T>(_ body: () throws(MailError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(2)
        }
    }
}
