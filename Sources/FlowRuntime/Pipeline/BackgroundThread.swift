import Foundation

/// A closure running on a thread of its own, and a way to wait for what it returns.
public final class BackgroundThread<Result: Sendable>: @unchecked Sendable {
    // `result` is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var result: Result?

    /// Starts `body` at once on a new thread with a generous stack (the event-log reader's JSON
    /// scanner recurses up to `JSONScanner.maxDepth` levels).
    public init(name: String, _ body: @escaping @Sendable () -> Result) {
        let thread = Thread { [self] in
            let value = body()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Waits until the closure has returned, and gives what it returned.
    @discardableResult
    public func wait() -> Result {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            condition.wait()
        }
    }
}
