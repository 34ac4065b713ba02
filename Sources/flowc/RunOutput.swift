import FlowMail
import FlowRuntime
import Foundation

/// Receives run records: prints them as JSON Lines (buffered) and keeps the plan of messages
/// to deliver once the replay has finished.
final class RunOutput: RunRecordSink {
    let renderer: TemplateRenderer
    let json: Bool
    let keepPlan: Bool
    private(set) var plan: [PlannedSend] = []
    /// The first message that could not be rendered.
    private(set) var failure: String?
    private var buffer: [UInt8] = []
    private var times = RecordTimeFormatter()

    init(renderer: TemplateRenderer, json: Bool, keepPlan: Bool) {
        self.renderer = renderer
        self.json = json
        self.keepPlan = keepPlan
        buffer.reserveCapacity(1 << 16)
    }

    func receive(_ record: RunRecord) {
        var subject: String?
        if case .send(let send) = record {
            if keepPlan { plan.append(send) }
            if json {
                do {
                    subject = try renderer.renderSubject(send)
                } catch {
                    if failure == nil { failure = "cannot render message \(send.id) (\(send.template)): \(error)" }
                }
            }
        }
        guard json else { return }
        record.appendJSONLine(to: &buffer, subject: subject, times: &times)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
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
