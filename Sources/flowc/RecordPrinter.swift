import FlowMail
import FlowRuntime
import Foundation

/// Prints run records as JSON Lines on standard output from a thread of its own, so that
/// rendering subjects and formatting records overlap the replay. Records come out in the order
/// they were handed over. Used from one thread; `finish` must be called once at the end.
final class RecordPrinter {
    /// Records per hand-over.
    static let batchSize = 512

    private let channel = BoundedChannel<[RunRecord]>(capacity: 8)
    /// Prints what the channel brings; returns the first message that could not be rendered.
    private let thread: BackgroundThread<String?>
    private var batcher = Batcher<RunRecord>(size: RecordPrinter.batchSize)
    private var finished = false

    init(renderer: TemplateRenderer) {
        let channel = self.channel
        thread = BackgroundThread(name: "flowc record printer") {
            var writer = JSONLineWriter()
            var failure: String?
            while var records = channel.receive() {
                // Reversed through the buffer and popped: records are moved out, where iterating
                // the array would copy (and retain) every one.
                records.withUnsafeMutableBufferPointer { $0.reverse() }
                while let record = records.popLast() { writer.append(record, renderer: renderer, failure: &failure) }
            }
            writer.flush()
            return failure
        }
    }

    /// Queues `record` for printing.
    func print(_ record: consuming RunRecord) {
        precondition(!finished, "RecordPrinter.print after finish")
        guard let full = batcher.add(record) else { return }
        channel.send(full)
    }

    /// Prints what is queued and waits until every record is written. Returns the first
    /// message that could not be rendered, if any.
    func finish() -> String? {
        if !finished {
            finished = true
            channel.send(batcher.takeAll())
            channel.close()
        }
        return thread.wait()
    }
}

/// Formats records into a buffer and writes it to standard output in large pieces.
private struct JSONLineWriter: ~Copyable {
    private var buffer = ByteBuffer(capacity: 1 << 17)
    private var times = RecordTimeFormatter()

    /// Adds one record's line; a send's subject is rendered (a failure is kept in `failure`
    /// when it is the first).
    mutating func append(_ record: consuming RunRecord, renderer: TemplateRenderer, failure: inout String?) {
        record.appendJSONLine(to: &buffer, times: &times) { send, out in
            do {
                try renderer.appendQuotedSubject(send, to: &out)
            } catch {
                if failure == nil { failure = "cannot render message \(send.id) (\(send.template)): \(error)" }
                out.appendQuoted("")
            }
        }
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard buffer.count > 0 else { return }
        buffer.withBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll()
    }
}
