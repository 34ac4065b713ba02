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
    /// Not delivered this time; try again later (an SMTP 4xx reply, a dropped connection).
    case deferred(code: Int?, reason: String)
    /// Refused for good (an SMTP 5xx reply to the sender or the content); never retried.
    case failed(code: Int?, reason: String)
    /// The recipient was refused for good (an SMTP 5xx reply to `RCPT TO`): a hard bounce. The
    /// message is never retried and later runs treat its contact as bounced.
    case bounced(code: Int?, reason: String)
}

/// A batch's progress, reported by a transport as it goes (possibly from several threads).
public protocol DeliveryJournal: Sendable {
    /// These messages are being handed over now (one more attempt each).
    func sending(_ ids: [String]) throws(MailError)
    /// What became of these messages in this run (each is reported once).
    func finished(_ outcomes: [(id: String, outcome: TransportOutcome)]) throws(MailError)
}

/// Where messages go: `--dry-run`, `--outbox DIR`, `--smtp URL`.
public protocol Transport {
    /// Whether deliveries through this transport go into the ledger (false for a dry run, so a
    /// later real run still delivers).
    var recordsDeliveries: Bool { get }

    /// How many messages are handed over at once (one `deliver(_:journal:)` call).
    var batchSize: Int { get }

    /// Delivers a batch and tells `journal` when each message is handed over and what became of
    /// it. Throwing means the transport itself is broken (stop the run); a problem with one
    /// message alone is its outcome.
    func deliver(_ batch: [OutgoingMessage], journal: any DeliveryJournal) throws(MailError)
}

extension Transport {
    /// One message per batch unless the transport says otherwise.
    public var batchSize: Int { 1 }
}

/// `--dry-run`: delivers nothing and records nothing.
public struct DryRunTransport: MessageTransport {
    public init() {}
    public var recordsDeliveries: Bool { false }
    public func deliver(_ message: OutgoingMessage) throws(MailError) -> TransportOutcome { .sent }
}
