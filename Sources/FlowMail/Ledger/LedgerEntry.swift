import GRDB

/// Where a message stands in the delivery ledger.
public enum MessageState: String, Codable, Hashable, Sendable, DatabaseValueConvertible {
    /// Known, not yet attempted.
    case planned
    /// Handed to the transport; if a run stops here, the next run delivers it again.
    case sending
    /// Delivered: never delivered again.
    case sent
    /// A temporary failure (SMTP 4xx, a lost connection): tried again by the next run.
    case deferred
    /// A permanent failure (SMTP 5xx, a hard bounce): never retried.
    case failed
}

/// One message in the ledger (table `message`).
public struct LedgerEntry: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "message"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: String
    public var flow: String
    public var step: String
    public var template: String
    public var contact: String
    public var recipient: String
    /// Replay time of the send (ms since the epoch).
    public var time: Int64
    public var state: MessageState
    /// How many times the transport was given the message.
    public var attempts: Int
    /// Wall-clock time of the last state change (ms).
    public var updatedAt: Int64
    /// Wall-clock time the transport took it (ms), once `sent`.
    public var deliveredAt: Int64?
    /// The SMTP reply code of the last failure or deferral.
    public var errorCode: Int?
    /// The reason of the last failure or deferral.
    public var error: String?
    /// Whether the failure was the recipient refused for good (a hard bounce for the contact).
    public var hardBounce = false
}
