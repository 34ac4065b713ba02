import FlowMail
import FlowRuntime
import Foundation

/// Receives run records: prints them as JSON Lines (on a thread of its own, see
/// `RecordPrinter`) and keeps the plan of messages to deliver once the replay has finished.
final class RunOutput: RunRecordSink {
    let keepPlan: Bool
    private(set) var plan: [PlannedSend] = []
    private let printer: RecordPrinter?

    init(renderer: TemplateRenderer, json: Bool, keepPlan: Bool) {
        self.keepPlan = keepPlan
        printer = json ? RecordPrinter(renderer: renderer) : nil
    }

    func receive(_ record: consuming RunRecord) {
        if keepPlan, case .send(let send) = record { plan.append(send) }
        printer?.print(record)
    }

    /// Prints every record received and waits until they are written. Returns the first
    /// message whose subject could not be rendered, if any.
    func finish() -> String? {
        printer?.finish()
    }
}

/// A progress line on standard error for long logs, only on a terminal.
final class Progress {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastUpdate = Date()
    private var shown = false

    func tick(_ events: Int) {
        guard enabled, events & 0xFFFF == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastUpdate) >= 0.5 else { return }
        lastUpdate = now
        shown = true
        FileHandle.standardError.write(Data("\rflowc run: \(events) events…".utf8))
    }

    func clear() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
