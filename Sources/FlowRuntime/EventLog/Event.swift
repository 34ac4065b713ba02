import FlowSyntax

/// One `track` or `identify` event of the event log (Segment spec shape), ready for replay.
/// (`messageId` is used up by the reader's de-duplication and not kept.)
public struct Event: Sendable {
    public enum Kind: UInt8, Sendable {
        case track
        case identify
    }

    public var kind: Kind
    /// `userId`, else `anonymousId` (a number there is used as its text).
    public var contactID: String {
        didSet { contactHash = StringBytes.hash(contactID) }
    }
    /// `StringBytes.hash` of `contactID`, made once where the event is made (for a log, on the
    /// reader's thread): replay finds and prefetches contacts by it.
    private(set) var contactHash: UInt64
    /// The `event` name of a `track` event; nil for `identify`.
    public var name: String?
    /// Milliseconds since the Unix epoch, UTC.
    public var timestamp: Int64
    /// `properties` (empty when absent or null).
    public var properties: Value.Object
    /// `traits` (empty when absent or null).
    public var traits: Value.Object
    /// The 1-based line of the log the event came from.
    public var line: Int

    public init(kind: Kind, contactID: String, name: String? = nil, timestamp: Int64,
                properties: Value.Object = Value.Object(), traits: Value.Object = Value.Object(), line: Int) {
        self.kind = kind
        self.contactID = contactID
        contactHash = StringBytes.hash(contactID)
        self.name = name
        self.timestamp = timestamp
        self.properties = properties
        self.traits = traits
        self.line = line
    }
}
