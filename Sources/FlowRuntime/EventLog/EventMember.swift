/// The members of the event object that replay reads, recognised by their key.
enum EventMember: CaseIterable {
    case type, userID, anonymousID, event, timestamp, messageID, properties, traits

    var key: StaticString {
        switch self {
        case .type: "type"
        case .userID: "userId"
        case .anonymousID: "anonymousId"
        case .event: "event"
        case .timestamp: "timestamp"
        case .messageID: "messageId"
        case .properties: "properties"
        case .traits: "traits"
        }
    }

    /// The member a scanned key names, nil for any other key. A key without escapes is told by
    /// its length and a comparison of its bytes with those of at most two candidates.
    @inline(__always)
    static func named(_ key: StringToken, in line: UnsafeBufferPointer<UInt8>) -> EventMember? {
        guard !key.hasEscapes else { return named(escaped: key, in: line) }
        @inline(__always) func match(_ member: EventMember) -> EventMember? {
            key.equals(member.key, in: line) ? member : nil
        }
        switch key.count {
        case 4: return match(.type)
        case 5: return match(.event)
        case 6: return match(.userID) ?? match(.traits)
        case 9: return match(.timestamp) ?? match(.messageID)
        case 10: return match(.properties)
        case 11: return match(.anonymousID)
        default: return nil
        }
    }

    /// The member a key with escapes names (kept out of line: keys hardly ever have them).
    @inline(never)
    private static func named(escaped key: StringToken, in line: UnsafeBufferPointer<UInt8>) -> EventMember? {
        allCases.first { key.equals($0.key, in: line) }
    }
}
