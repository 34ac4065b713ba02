#if canImport(Glibc)
import FlowRuntime
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts of one delivery run.
public struct DeliverySummary: Hashable, Sendable {
    /// Handed to the transport in this run (for a dry run: would have been).
    public var delivered = 0
    /// Skipped because an earlier run delivered them.
    public var alreadyDelivered = 0
    /// Deferred by the transport in this run; the next run tries them again.
    public var deferred = 0
    /// Refused for good, in this run or an earlier one (never retried).
    public var failed = 0
    /// Recipients refused for good in this run (hard bounces; also counted in `failed`).
    public var bounced = 0

    public init() {}
}

/// Delivers the sends of a finished replay: skips messages the ledger already has as sent (or
/// failed for good), renders the rest, encodes them and hands them to the transport, recording
/// each step in the ledger. Running the same plan again delivers nothing twice; a message left
/// `planned`, `sending` or `deferred` by an earlier run is delivered again (the outbox then
/// replaces the same file; an SMTP server may get a message that was in flight twice).
public struct Delivery {
    public let renderer: TemplateRenderer
    public let transport: any Transport
    public let ledger: Ledger
    /// Wall-clock time for the ledger's bookkeeping columns (ms); never part of a message.
    public let clock: @Sendable () -> Int64

    public init(renderer: TemplateRenderer, transport: any Transport, ledger: Ledger, clock: @escaping @Sendable () -> Int64 = Delivery.wallClock) {
        self.renderer = renderer
        self.transport = transport
        self.ledger = ledger
        self.clock = clock
    }

    /// Delivers `plan` in order, in batches of the transport's `batchSize`: a batch is recorded
    /// as `planned`, then handed to the transport, which reports each message as `sending` and
    /// then its outcome; stops at the first rendering, transport or ledger error.
    public func deliver(_ plan: some Sequence<PlannedSend>) throws(MailError) -> DeliverySummary {
        var summary = DeliverySummary()
        var batch: [PlannedSend] = []
        for send in plan {
            switch try ledger.entry(send.id)?.state {
            case .sent?:
                summary.alreadyDelivered += 1
            case .failed?:
                summary.failed += 1
            default:
                batch.append(send)
                if batch.count >= transport.batchSize {
                    try deliver(batch, into: &summary)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        try deliver(batch, into: &summary)
        return summary
    }

    private func deliver(_ batch: [PlannedSend], into summary: inout DeliverySummary) throws(MailError) {
        guard !batch.isEmpty else { return }
        var messages: [OutgoingMessage] = []
        for send in batch {
            let email = try renderer.render(send)
            let mime = try MIMEMessage(send: send, email: email)
            messages.append(OutgoingMessage(id: send.id, time: send.time, sender: email.from.address, recipient: send.to, bytes: mime.bytes))
        }
        let ledger = transport.recordsDeliveries ? self.ledger : nil
        let journal = LedgerJournal(ledger: ledger, clock: clock)
        try ledger?.markPlanned(batch, at: clock())
        try transport.deliver(messages, journal: journal)
        journal.count(into: &summary)
    }

    /// The current wall-clock time in milliseconds since the Unix epoch.
    public static func wallClock() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec / 1_000_000)
    }
}
