/// A transport that hands over one message at a time and makes them durable with `flush`.
/// Its batches are delivered by the default `deliver(_:journal:)`: the whole batch is marked
/// sending, delivered message by message, flushed, then every outcome is reported, so a crash
/// re-delivers at most one batch.
public protocol MessageTransport: Transport {
    /// Delivers one message. Throwing means the transport itself is broken (stop the run);
    /// a problem with this message alone is an outcome.
    func deliver(_ message: OutgoingMessage) throws(MailError) -> TransportOutcome

    /// Makes every message delivered so far durable.
    func flush() throws(MailError)
}

extension MessageTransport {
    /// Nothing to make durable.
    public func flush() throws(MailError) {}

    /// Marks `batch` sending, delivers it message by message, flushes, then reports every outcome.
    public func deliver(_ batch: [OutgoingMessage], journal: any DeliveryJournal) throws(MailError) {
        try journal.sending(batch.map(\.id))
        var outcomes: [(id: String, outcome: TransportOutcome)] = []
        for message in batch { outcomes.append((message.id, try deliver(message))) }
        try flush()
        try journal.finished(outcomes)
    }
}
