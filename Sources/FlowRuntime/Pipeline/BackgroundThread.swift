import Foundation

/// A closure running on a thread of its own, and a way to wait until it has returned.
public final class BackgroundThread: @unchecked Sendable {
    // `finished` is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var finished = false

    /// Starts `body` at once on a new thread with a generous stack (the JSON scanner recurses
    /// up to `JSONScanner.maxDepth` levels).
    public init(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            body()
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Waits until the closure has returned.
    public func wait() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
