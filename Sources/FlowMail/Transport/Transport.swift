/// A message ready for a transport: the envelope and the RFC 5322 bytes.
public struct OutgoingMessage: Hashable, Sendable {
    /// The flowc message id (32 hex digits).
    public var id: String
    /// Replay time of the send, milliseconds since the Unix epoch.
    public var time: Int64
    /// Envelope sender (`MAIL FROM`): the bare from address.
    public var sender: String
    /// Envelope recipient (`RCPT TO`): the bare `to` address.
    public var recipient: String
    public var bytes: [UInt8]

    public init(id: String, time: Int64, sender: String, recipient: String, bytes: [UInt8]) {
        self.id = id
        self.time = time
        self.sender = sender
        self.recipient = recipient
        self.bytes = bytes
    }
}

/// What became of one delivery attempt.
public enum TransportOutcome: Hashable, Sendable {
    /// Handed over for good (written to the outbox, accepted by the SMTP server).
    case sent
    /// Not delivered this time; try again later (an SMTP 4xx reply).
    case deferred(code: Int?, reason: String)
    /// Refused for good (an SMTP 5xx reply, a hard bounce); never retried.
    case failed(code: Int?, reason: String)
}

/// Where messages go: `--dry-run`, `--outbox DIR`, `--smtp URL`.
public protocol Transport {
    /// Whether deliveries through this transport go into the ledger (false for a dry run, so a
    /// later real run still delivers).
    var recordsDeliveries: Bool { get }

    /// How many messages may be handed over before `flush` makes them durable: the ledger
    /// records a batch as sent only after its flush, so a crash re-delivers at most one batch.
    var batchSize: Int { get }

    /// Delivers one message. Throwing means the transport itself is broken (stop the run);
    /// a problem with this message alone is an outcome.
    func deliver(_ message: OutgoingMessage) throws(MailError) -> TransportOutcome

    /// Makes every message delivered so far durable.
    func flush() throws(MailError)
}

extension Transport {
    public var batchSize: Int { 1 }
    public func flush() throws(MailError) {}
}

/// `--dry-run`: delivers nothing and records nothing.
public struct DryRunTransport: Transport {
    public init() {}
    public var recordsDeliveries: Bool { false }
    public func deliver(_ message: OutgoingMessage) throws(MailError) -> TransportOutcome { .sent }
}
