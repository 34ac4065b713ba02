import Foundation

/// A bounded first-in-first-out channel between one producing and one consuming thread.
/// `send` waits while the channel is full, `receive` while it is empty; messages keep their
/// order, so a pipeline built of channels stays deterministic. Send batches, not single items:
/// each message costs a lock round trip.
public final class BoundedChannel<Message: Sendable>: @unchecked Sendable {
    // Every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    /// A ring of `capacity` slots: `count` messages from `head` on, wrapping around.
    private var slots: [Message?]
    private var head = 0
    private var count = 0
    private var isClosed = false
    private var isCancelled = false

    /// A channel holding at most `capacity` messages at a time.
    public init(capacity: Int = 8) {
        slots = Array(repeating: nil, count: max(1, capacity))
    }

    /// Hands `message` to the consumer, waiting while the channel is full. Returns false (and
    /// drops the message) once the consumer has cancelled.
    @discardableResult
    public func send(_ message: Message) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        precondition(!isClosed, "BoundedChannel.send after close")
        while count == slots.count && !isCancelled { condition.wait() }
        guard !isCancelled else { return false }
        slots[(head + count) % slots.count] = message
        count += 1
        condition.broadcast()
        return true
    }

    /// Marks the end of the stream: `receive` returns nil once the sent messages are taken.
    public func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next message, waiting for one; nil when the producer closed the channel and every
    /// message was received, or once the consumer has cancelled.
    public func receive() -> Message? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !isClosed && !isCancelled { condition.wait() }
        guard !isCancelled, count > 0, let message = slots[head] else { return nil }
        slots[head] = nil
        head = (head + 1) % slots.count
        count -= 1
        condition.broadcast()
        return message
    }

    /// Tells the producer that nothing more will be received: a waiting or later `send`
    /// returns false at once, and `receive` returns nil.
    public func cancel() {
        condition.lock()
        isCancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
