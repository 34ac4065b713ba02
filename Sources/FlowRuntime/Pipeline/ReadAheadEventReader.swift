/// Reads an event log on a thread of its own, a batch ahead of replay, so that decoding and
/// replay run on two cores. Events come out exactly as `reader` yields them, and a fatal log
/// error comes after the events before it, as it would without read-ahead.
public final class ReadAheadEventReader: EventSource {
    /// A batch of decoded events; the last one of the stream carries the error that ended it.
    private struct Batch: Sendable {
        var events: [Event]
        var failure: EventLogError?
    }

    /// Events per batch: enough to make the hand-over cheap, few enough to start at once.
    public static let batchSize = 1024

    private let reader: EventLogReader
    private let channel = BoundedChannel<Batch>(capacity: 8)
    private let thread: BackgroundThread<Void>
    /// The batch being yielded, in reverse: `popLast` moves an event out without copying it.
    private var current: [Event] = []
    private var failure: EventLogError?
    private var ended = false

    /// Starts reading `reader` at once. Do not use `reader` itself until this has yielded nil
    /// or thrown: until then its thread owns it.
    public init(_ reader: EventLogReader) {
        self.reader = reader
        // The background thread is the reader's only user until it returns; `stats` waits for
        // that before reading the reader.
        nonisolated(unsafe) let owned = reader
        let channel = self.channel
        thread = BackgroundThread(name: "flowc event reader") {
            defer { channel.close() }
            var batcher = Batcher<Event>(size: Self.batchSize)
            do throws(EventLogError) {
                while let event = try owned.next() {
                    guard let full = batcher.add(event) else { continue }
                    guard channel.send(Batch(events: consume full)) else { return }
                }
                channel.send(Batch(events: batcher.takeAll()))
            } catch {
                channel.send(Batch(events: batcher.takeAll(), failure: error))
            }
        }
    }

    /// Stops the reading thread (it notices at its next batch; a read from standard input
    /// that waits for data, or a whole log read for `--sort`, finishes first).
    deinit {
        channel.cancel()
        thread.wait()
    }

    /// What the reader saw. Ask only once `next()` has returned nil or thrown.
    public var stats: EventLogStats { finishedReader.stats }

    /// The first lines `--skip-invalid` skipped (see `EventLogReader.skippedLines`). Ask only
    /// once `next()` has returned nil or thrown.
    public var skippedLines: [EventLogError] { finishedReader.skippedLines }

    private var finishedReader: EventLogReader {
        precondition(ended || failure != nil, "ReadAheadEventReader read before the end of the log")
        thread.wait()
        return reader
    }

    public func next() throws(EventLogError) -> Event? {
        while current.isEmpty {
            if let failure { throw failure }
            guard !ended, var batch = channel.receive() else {
                ended = true
                return nil
            }
            failure = batch.failure
            swap(&current, &batch.events)
            // Reversed through the buffer, which moves events rather than copying (and retaining) them.
            current.withUnsafeMutableBufferPointer { $0.reverse() }
        }
        return current.popLast()
    }

    /// Looks ahead within the batch at hand only (the batch is kept in reverse).
    public func upcomingContactHash(_ distance: Int) -> UInt64? {
        let index = current.count - 1 - distance
        guard index >= 0 else { return nil }
        return current.withUnsafeBufferPointer { $0[index].contactHash }
    }
}
