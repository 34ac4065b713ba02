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
    private let thread: BackgroundThread
    /// The batch being yielded, in reverse: `popLast` moves an event out without copying it.
    private var current: [Event] = []
    private var failure: EventLogError?
    private var ended = false

    /// Starts reading `reader` at once. Do not use `reader` itself until this has yielded nil
    /// or thrown: until then its thread owns it.
    public init(_ reader: EventLogReader) {
        self.reader = reader
        // The background thread is the reader's only user until the stream ends, and the
        // channel's lock orders its writes before the consumer's reads of `stats`.
        nonisolated(unsafe) let owned = reader
        let channel = self.channel
        thread = BackgroundThread(name: "flowc event reader") {
            var events: [Event] = []
            events.reserveCapacity(Self.batchSize)
            do throws(EventLogError) {
                while let event = try owned.next() {
                    events.append(event)
                    guard events.count == Self.batchSize else { continue }
                    guard channel.send(Batch(events: events)) else { return }
                    events = []
                    events.reserveCapacity(Self.batchSize)
                }
                channel.send(Batch(events: events))
            } catch {
                channel.send(Batch(events: events, failure: error))
            }
            channel.close()
        }
    }

    deinit {
        channel.cancel()
        thread.wait()
    }

    /// What the reader saw. Ask once the stream has ended: asking earlier stops the reading.
    public var stats: EventLogStats {
        channel.cancel()
        thread.wait()
        return reader.stats
    }

    public func next() throws(EventLogError) -> Event? {
        while current.isEmpty {
            if let failure { throw failure }
            guard !ended, let batch = channel.receive() else {
                ended = true
                return nil
            }
            current = batch.events
            current.reverse()
            failure = batch.failure
        }
        return current.popLast()
    }
}
