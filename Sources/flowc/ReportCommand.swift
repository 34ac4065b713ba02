import ArgumentParser
import FlowCheck
import FlowIR
import FlowReport
import FlowRuntime
import FlowSyntax
import Foundation

/// `flowc report [PATH] --events FILE [--until T] [--attribution 5d] [--revenue PATH]
///              [--format text|json|csv|html] [-o FILE]`
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Replay an event log and report per-flow, per-step and A/B metrics.",
        discussion: """
        Mail feedback events count for the message their properties.email_id names. A goal event \
        counts for the contact's latest message, from a flow with that goal, sent before it within \
        the attribution window (last touch).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, html

        /// The whole report in this format, ending with a line break.
        func render(_ report: ProjectReport) -> String {
            switch self {
            case .text: ReportText.render(report) + "\n"
            case .json: ReportJSON.render(report) + "\n"
            case .csv: ReportCSV.render(report)
            case .html: ReportHTML.render(report)
            }
        }
    }

    @Argument(help: "The flows directory or a *.flow.yaml file (default: ./flows).")
    var path = "flows"

    @OptionGroup var log: EventLogArguments

    @Option(help: "The last-touch attribution window, a duration such as 5d or 12h.")
    var attribution = "5d"

    @Option(help: "The goal event property holding revenue, e.g. properties.amount (default: revenue, else total, else value).")
    var revenue: String?

    @Option(help: "Output format: text, json, csv (one row per flow, step and variant) or html (a self-contained page with charts).")
    var format: Format = .text

    @Option(name: .short, help: "Write the report to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard let window = DurationSyntax.parse(attribution), window > 0 else {
            throw ValidationError("--attribution takes a positive duration such as 5d or 12h, not `\(attribution)`")
        }
        if let revenue, ReportOptions.revenuePath(revenue) == nil {
            throw ValidationError("--revenue takes a property path such as properties.amount, not `\(revenue)`")
        }
    }

    func run() throws {
        let project = try loadCheckedProject(path, before: "reporting")
        let compiled = IRCompiler.compile(project)
        let options = ReportOptions(
            attributionWindow: DurationSyntax.parse(attribution) ?? ReportOptions.defaultAttributionWindow,
            revenuePath: revenue.flatMap(ReportOptions.revenuePath))
        let report: ProjectReport
        do {
            let reader = try log.openReader()
            report = try ReportBuilder.report(of: compiled, events: reader, until: log.untilInstant, options: options)
        } catch {
            printError(error.description)
            throw ExitCode(error.line == nil ? 2 : 1)
        }
        let text = format.render(report)
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            printError("error: cannot write the report to \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
