import NIOCore

/// `--rate`: hands out send times at least `interval` apart, shared by every connection.
actor RateLimiter {
    private let interval: TimeAmount
    private var nextSlot = NIODeadline.now()

    init(rate: SendRate) {
        interval = rate.interval
    }

    /// Waits for this caller's turn.
    func waitForTurn() async throws {
        let now = NIODeadline.now()
        let slot = max(now, nextSlot)
        nextSlot = slot + interval
        let wait = slot - now
        if wait.nanoseconds > 0 { try await Task.sleep(nanoseconds: UInt64(wait.nanoseconds)) }
    }
}
