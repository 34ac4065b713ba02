import ArgumentParser
import FlowIR
import FlowRuntime
import FlowSyntax
import Foundation

/// The event-log options of the commands that replay a log (`run`, `report`, `explain`):
/// `--events FILE|- [--until TIME|now] [--sort] [--skip-invalid]`.
struct EventLogArguments: ParsableArguments {
    @Option(help: "The event log (JSON Lines), or - for standard input.")
    var events: String

    @Option(help: "Run the clock on to this RFC 3339 time, or `now` (default: the last event's time).")
    var until: String?

    @Flag(help: "Sort the log by timestamp first instead of refusing out-of-order lines.")
    var sort = false

    @Flag(help: "Skip malformed lines (counted in the summary) instead of stopping.")
    var skipInvalid = false

    func validate() throws {
        try UntilOption.validate(until)
    }

    /// Opens the log with these options. With `project`, only what replaying it reads is built
    /// (`CompiledProject.eventsReadingProperties` and `keysRead`, see `EventLogOptions`).
    func openReader(replaying project: CompiledProject? = nil) throws(EventLogError) -> EventLogReader {
        let options = project.map { EventLogOptions(sort: sort, skipInvalid: skipInvalid, replaying: $0) }
            ?? EventLogOptions(sort: sort, skipInvalid: skipInvalid)
        return try EventLogReader(path: events, options: options)
    }

    /// `--until` in milliseconds since the epoch; nil without it.
    var untilInstant: Int64? { UntilOption.instant(until) }
}

/// `--until TIME|now`, as `run`, `report` and `explain` take it (`graph --until` takes a time only).
enum UntilOption {
    static func validate(_ until: String?) throws {
        if let until, until != "now", RFC3339.parse(until) == nil {
            throw ValidationError("--until takes an RFC 3339 time such as 2026-06-01T00:00:00Z, or `now`")
        }
    }

    /// The time in milliseconds since the epoch; `now` is the wall clock.
    static func instant(_ until: String?) -> Int64? {
        guard let until else { return nil }
        return until == "now" ? Int64(Date().timeIntervalSince1970 * 1000) : RFC3339.parse(until)
    }
}
