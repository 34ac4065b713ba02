import Foundation

/// Writes a batch's progress into the ledger (when the transport records deliveries) and counts
/// the outcomes. Transports may report from several threads at once.
final class LedgerJournal: DeliveryJournal, @unchecked Sendable {
    private let ledger: Ledger?
    private let clock: @Sendable () -> Int64
    private let lock = NSLock()
    // Guarded by `lock`.
    private var counts = DeliverySummary()

    init(ledger: Ledger?, clock: @escaping @Sendable () -> Int64) {
        self.ledger = ledger
        self.clock = clock
    }

    func sending(_ ids: [String]) throws(MailError) {
        try ledger?.markSending(ids, at: clock())
    }

    func finished(_ outcomes: [(id: String, outcome: TransportOutcome)]) throws(MailError) {
        try ledger?.record(outcomes, at: clock())
        lock.lock()
        defer { lock.unlock() }
        for (_, outcome) in outcomes {
            switch outcome {
            case .sent: counts.delivered += 1
            case .deferred: counts.deferred += 1
            case .failed: counts.failed += 1
            case .bounced:
                counts.failed += 1
                counts.bounced += 1
            }
        }
    }

    /// Adds this batch's counts to `summary`.
    func count(into summary: inout DeliverySummary) {
        lock.lock()
        defer { lock.unlock() }
        summary.delivered += counts.delivered
        summary.deferred += counts.deferred
        summary.failed += counts.failed
        summary.bounced += counts.bounced
    }
}
