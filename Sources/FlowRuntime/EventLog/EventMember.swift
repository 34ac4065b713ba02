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
    /// its length and two (overlapping) loads of its bytes, compared with those of the candidates.
    @inline(__always)
    static func named(_ key: StringToken, in line: UnsafeBufferPointer<UInt8>) -> EventMember? {
        guard !key.hasEscapes, let base = line.baseAddress else {
            return allCases.first { key.equals($0.key, in: line) }
        }
        let count = key.count
        guard count >= 4, count <= 11 else { return nil } // the lengths of the keys above
        let loaded = KeyWords(UnsafeRawPointer(base + key.start), count: count)
        @inline(__always) func match(_ member: EventMember) -> EventMember? {
            loaded == KeyWords(member.key.utf8Start, count: count) ? member : nil
        }
        switch count {
        case 4: return match(.type)
        case 5: return match(.event)
        case 6: return match(.userID) ?? match(.traits)
        case 9: return match(.timestamp) ?? match(.messageID)
        case 10: return match(.properties)
        case 11: return match(.anonymousID)
        default: return nil // 7, 8
        }
    }
}

/// The bytes of a key of 4 to 16 bytes in two words: its first and last 4 bytes (up to 8
/// bytes long) or first and last 8 (longer). Equal words mean equal bytes for keys of the same
/// length, and every load stays inside the key.
private struct KeyWords: Equatable {
    var first: UInt64
    var last: UInt64

    @inline(__always)
    init(_ bytes: UnsafeRawPointer, count: Int) {
        if count <= 8 {
            first = UInt64(bytes.loadUnaligned(as: UInt32.self))
            last = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
            first = bytes.loadUnaligned(as: UInt64.self)
            last = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
    }
}
