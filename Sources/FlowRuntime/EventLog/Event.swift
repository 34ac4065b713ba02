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
    public let contactID: String
    /// `StringBytes.hash` of `contactID`, made once where the event is made (for a log, on the
    /// reader's thread): replay finds and prefetches contacts by it.
    let contactHash: UInt64
    /// The `event` name of a `track` event; nil for `identify`.
    public var name: String?
    /// Milliseconds since the Unix epoch, UTC.
    public var timestamp: Int64
    /// `properties` (empty when absent or null), packed on the reader's thread: a flow's
    /// trigger keeps them for as long as its instance runs (see `TriggerEvent`).
    public var properties: PackedObject
    /// `traits` (empty when absent or null), packed on the reader's thread: a contact's first
    /// traits are kept as they come (see `ContactState.traits`).
    public var traits: PackedObject
    /// The 1-based line of the log the event came from.
    public var line: Int
}

extension Event {
    // In an extension, so that the struct keeps its memberwise initializer, which this one
    // calls: written out field by field, it built the event on the stack and then copied it
    // into place (four retains and releases an event).
    public init(kind: Kind, contactID: String, name: String? = nil, timestamp: Int64,
                properties: PackedObject = PackedObject(), traits: PackedObject = PackedObject(), line: Int) {
        self.init(kind: kind, contactID: contactID, contactHash: StringBytes.hash(contactID), name: name,
                  timestamp: timestamp, properties: properties, traits: traits, line: line)
    }

    /// An event whose properties and traits are packed from `properties` and `traits`.
    public init(kind: Kind, contactID: String, name: String? = nil, timestamp: Int64,
                properties: Value.Object, traits: Value.Object = Value.Object(), line: Int) {
        self.init(kind: kind, contactID: contactID, name: name, timestamp: timestamp,
                  properties: PackedObject(properties), traits: PackedObject(traits), line: line)
    }

    /// An event with no properties whose traits are packed from `traits`.
    public init(kind: Kind, contactID: String, name: String? = nil, timestamp: Int64, traits: Value.Object, line: Int) {
        self.init(kind: kind, contactID: contactID, name: name, timestamp: timestamp,
                  properties: Value.Object(), traits: traits, line: line)
    }
}
