import ArgumentParser
import FlowCheck
import FlowIR
import FlowMail
import FlowRuntime
import FlowSMTP
import FlowSyntax
import Foundation

/// `flowc run [PATH] --events FILE|- [--until TIME|now] [--sort] [--skip-invalid]
///           [--dry-run | --outbox DIR | --smtp URL [--smtp-connections N] [--rate N/s]
///           [--smtp-insecure] [--smtp-ca FILE]] [--state DIR] [--json]`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay an event log through the flows and deliver the mail they call for.",
        discussion: """
        The replay is planned in full first; mail is delivered only after the whole log was read \
        without a fatal error. Delivered message ids are kept in the state directory, so running \
        the same log again delivers nothing twice.

        SMTP login: set FLOWC_SMTP_USER and FLOWC_SMTP_PASSWORD. A run that leaves messages \
        deferred by the server exits with 1; run again to retry them.
        """
    )

    @Argument(help: "The flows directory or a *.flow.yaml file (default: ./flows).")
    var path = "flows"

    @OptionGroup var log: EventLogArguments

    @Flag(help: "Deliver nothing.")
    var dryRun = false

    @Option(help: "Write each message as an .eml file into this Maildir (default transport: ./outbox).")
    var outbox: String?

    @Option(help: "Deliver over SMTP (smtp://host:port or smtps://host:port).")
    var smtp: String?

    @Option(help: "SMTP connections open at once.")
    var smtpConnections = 4

    @Option(help: ArgumentHelp("Send at most this many messages per second over SMTP (also N/m, N/h).", valueName: "N/s"))
    var rate: String?

    @Flag(help: "Send over SMTP in plain text when the server does not offer STARTTLS.")
    var smtpInsecure = false

    @Option(help: ArgumentHelp("Trust the certificates in this PEM file for SMTP TLS (a private relay).", valueName: "FILE"))
    var smtpCa: String?

    @Option(help: "The state directory holding the delivery ledger.")
    var state = ".flowc"

    @Flag(help: "Print one JSON object per run record to standard output.")
    var json = false

    func validate() throws {
        if [dryRun, outbox != nil, smtp != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --dry-run, --outbox and --smtp")
        }
        if smtp == nil, smtpConnections != 4 || rate != nil || smtpInsecure || smtpCa != nil {
            throw ValidationError("--smtp-connections, --rate, --smtp-insecure and --smtp-ca need --smtp URL")
        }
        if !(1...64).contains(smtpConnections) {
            throw ValidationError("--smtp-connections takes a number from 1 to 64")
        }
    }

    func run() throws {
        let started = Date()
        let project = try loadCheckedProject(path, before: "running")
        let transport = try dryRun ? nil : mail(makeTransport)
        let compiled = IRCompiler.compile(project)
        let renderer = try loadTemplates(of: project, compiled)
        let output = RunOutput(renderer: renderer, json: json, keepPlan: !dryRun)
        let replayer = Replayer(project: compiled, sink: output, bouncedContacts: try mail(bouncedContacts))
        // The replay's state (every contact and instance) goes when the process exits, not object
        // by object: freeing millions of small objects would take a noticeable share of a run.
        _ = Unmanaged.passRetained(replayer)
        let reader: ReadAheadEventReader
        do {
            reader = ReadAheadEventReader(try log.openReader(replaying: compiled))
            try Self.replay(reader, into: replayer)
        } catch {
            _ = output.finish()
            printError(error.description)
            printError("error: nothing was delivered")
            throw ExitCode(error.line == nil ? 2 : 1)
        }
        replayer.finish(until: log.untilInstant)
        Self.warnAboutSkippedLines(reader)
        if let failure = output.finish() {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
        var delivery: DeliverySummary?
        if !dryRun, let send = output.plan.first(where: { $0.from.isEmpty }) {
            printError("error: message \(send.id) of flow `\(send.flow)` (template `\(send.template)`) has no from address; nothing was delivered")
            printError("  = help: set `from:` in flowc.yaml, in the flow's `delivery`, in the template or on the send step")
            throw ExitCode(1)
        }
        if let transport {
            delivery = try mail { () throws(MailError) in
                defer { (transport as? SMTPTransport)?.close() }
                return try Delivery(renderer: renderer, transport: transport, ledger: Ledger(stateDirectory: state)).deliver(output.plan)
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        printError(RunSummaryText.render(
            replay: replayer.summary, log: reader.stats, delivery: delivery,
            destination: dryRun ? nil : (smtp ?? outbox ?? "outbox"), elapsed: elapsed))
        if let delivery, delivery.deferred > 0 {
            printError("error: \(delivery.deferred) messages were deferred by the server (see the ledger in `\(state)`); run again to retry them")
            throw ExitCode(1)
        }
    }

    /// The transport the options choose: `--smtp`, else `--outbox` (default `./outbox`).
    private func makeTransport() throws(MailError) -> any Transport {
        guard let smtp else { return try MaildirTransport(directory: outbox ?? "outbox") }
        let options = SMTPOptions(
            endpoint: try SMTPEndpoint(url: smtp),
            credentials: try SMTPCredentials.fromEnvironment(ProcessInfo.processInfo.environment),
            connections: smtpConnections,
            rate: try rate.map { text throws(MailError) in try SendRate(parsing: text) },
            allowPlaintext: smtpInsecure,
            trustedCertificatesFile: smtpCa
        )
        return try SMTPTransport(options: options)
    }

    /// Contacts an SMTP server refused for good in earlier runs (none without a ledger yet).
    private func bouncedContacts() throws(MailError) -> Set<String> {
        guard FileManager.default.fileExists(atPath: state + "/" + Ledger.fileName) else { return [] }
        return Set(try Ledger(stateDirectory: state).bouncedContacts())
    }

    /// Shows the first lines `--skip-invalid` skipped (those the reader keeps), so they can be
    /// found and mended, and counts the rest.
    private static func warnAboutSkippedLines(_ reader: ReadAheadEventReader) {
        let shown = reader.skippedLines
        for skipped in shown { printError(skipped.description(as: "warning") + " (line skipped)") }
        let more = reader.stats.invalidLinesSkipped - shown.count
        if more > 0 { printError("note: \(more) more invalid lines were skipped") }
    }

    /// Feeds every event of the log to the replay, with a progress line on a terminal.
    private static func replay(_ reader: some EventSource, into replayer: Replayer) throws(EventLogError) {
        let progress = Progress()
        defer { progress.clear() }
        try replayer.process(reader) { _ in progress.tick(replayer.summary.events) }
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
