import FlowSyntax

/// What one line of the log says, decoded and validated.
struct DecodedLine {
    /// nil for a valid event of a type flowc ignores (`page`, `screen`, `group`, `alias`).
    var event: Event?
    var timestamp: Int64
    /// Byte offset of the `timestamp` value (an out-of-order error points there).
    var timestampOffset: Int
    /// The `messageId` (a string or a number's text), when present and not empty.
    var messageID: EventMessageID?
}

/// Where a line's `messageId` is, so de-duplication can compare bytes without making a String.
struct EventMessageID {
    var token: StringToken

    /// Passes the id's UTF-8 bytes (escapes decoded) to `body`.
    func withBytes<Result>(in line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard token.hasEscapes else { return body(token.bytes(in: line)) }
        var decoded = token.string(in: line)
        return decoded.withUTF8(body)
    }
}

/// A line that is not a valid event: where (byte offset in the line) and what is wrong.
struct LineProblem: Error {
    var offset: Int
    var message: String
    var help: String?
}

/// Decodes one line of the log into an event (spec 4.1). The top-level object is walked by a
/// specialised loop that builds only the members replay needs; every other member is still
/// fully validated by `JSONScanner`, so a malformed line is an error wherever the fault is.
/// Duplicate members: the last one wins, as in any JSON object.
///
/// One decoder serves a whole log: it keeps the scanner's build state (string cache, member
/// stack) from line to line, so it is not for use from several threads at once.
struct EventDecoder {
    private let state = JSONBuildState()

    func decode(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(LineProblem) -> DecodedLine {
        state.members.removeAll() // what the last line left if it failed
        var scanner = JSONScanner(line, state: state)
        var members = Members()
        do {
            try members.scan(&scanner)
        } catch {
            throw LineProblem(offset: error.offset, message: error.message)
        }
        return try members.validated(with: scanner, lineNumber: lineNumber)
    }
}

/// A top-level member's value as found, kept as a token so nothing is built until needed.
private struct Field {
    enum Kind: UInt8 {
        case string, number, null, object, array, boolean
    }

    var kind: Kind
    /// A string's contents, a number's text; for other kinds only `start` (the value's offset) counts.
    var token: StringToken

    /// Where the value starts (a string's opening quote).
    var offset: Int { kind == .string ? token.start - 1 : token.start }

    var description: String {
        switch kind {
        case .string: "a string"
        case .number: "a number"
        case .null: "null"
        case .object: "an object"
        case .array: "an array"
        case .boolean: "a boolean"
        }
    }
}

/// An object-valued member (`properties`, `traits`): absent (or null), an object, or not an object.
private enum ObjectField {
    case absent
    case object(Value.Object)
    case wrong(Field)
}

/// The members of the event object that replay reads.
private enum Member: CaseIterable {
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

    static func named(_ key: StringToken, in line: UnsafeBufferPointer<UInt8>) -> Member? {
        func match(_ member: Member) -> Member? { key.equals(member.key, in: line) ? member : nil }
        if key.hasEscapes { return allCases.first { match($0) != nil } }
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
}

private struct Members {
    var type: Field?
    var userID: Field?
    var anonymousID: Field?
    var event: Field?
    var timestamp: Field?
    var messageID: Field?
    var properties = ObjectField.absent
    var traits = ObjectField.absent

    static let ignoredTypes: [StaticString] = ["page", "screen", "group", "alias"]
    static let typeHelp = "use `track`, `identify`, `page`, `screen`, `group` or `alias`"
    static let timestampHelp = "write an RFC 3339 time with `Z` or an offset, like `2026-03-01T09:00:00Z` or `2026-03-01T10:00:00+01:00`"

    // MARK: Scanning

    mutating func scan(_ scanner: inout JSONScanner) throws(JSONError) {
        let line = scanner.bytes
        scanner.skipWhitespace()
        guard scanner.position < line.count, line[scanner.position] == UInt8(ascii: "{") else {
            try scanner.rejectNonObject()
            return
        }
        try scanner.enterContainer(depth: 0)
        if !(try scanner.closesEmptyContainer(UInt8(ascii: "}"))) {
            var afterComma = false
            repeat {
                let key = try scanner.scanMemberKey(afterComma: afterComma)
                afterComma = true
                switch Member.named(key, in: line) {
                case .type: type = try scanner.scanField()
                case .userID: userID = try scanner.scanField()
                case .anonymousID: anonymousID = try scanner.scanField()
                case .event: event = try scanner.scanField()
                case .timestamp: timestamp = try scanner.scanField()
                case .messageID: messageID = try scanner.scanField()
                case .properties: properties = try scanner.scanObjectField()
                case .traits: traits = try scanner.scanObjectField()
                case nil: _ = try scanner.parseValue(depth: 1, build: false)
                }
            } while try scanner.continuesObject()
        }
        try scanner.expectEnd()
    }

    // MARK: Validation

    func validated(with scanner: JSONScanner, lineNumber: Int) throws(LineProblem) -> DecodedLine {
        let line = scanner.bytes
        guard let type else {
            throw LineProblem(offset: 0, message: "missing `type`", help: "add `\"type\"`; " + Members.typeHelp)
        }
        guard type.kind == .string else { throw wrongType("type", type, expected: "a string") }
        let typeToken = type.token
        let kind: Event.Kind?
        if typeToken.equals("track", in: line) {
            kind = .track
        } else if typeToken.equals("identify", in: line) {
            kind = .identify
        } else if Members.ignoredTypes.contains(where: { typeToken.equals($0, in: line) }) {
            kind = nil
        } else {
            throw LineProblem(offset: type.offset, message: "unknown event type `\(typeToken.string(in: line))`",
                              help: Members.typeHelp)
        }

        var contactID = try idToken(userID, "userId").map(scanner.string)
        if contactID == nil { contactID = try idToken(anonymousID, "anonymousId").map(scanner.string) }
        guard let contactID else {
            throw LineProblem(offset: 0, message: "event has neither `userId` nor `anonymousId`",
                              help: "add `\"userId\"` (or `\"anonymousId\"`) with the contact's id")
        }
        let (milliseconds, timestampOffset) = try validatedTimestamp(in: line)
        let messageID = try idToken(messageID, "messageId").map(EventMessageID.init)
        let properties = try object(properties, "properties")
        let traits = try object(traits, "traits")
        let name = kind == .track ? try eventName(with: scanner) : nil

        var event: Event?
        if let kind {
            event = Event(kind: kind, contactID: contactID, name: name, timestamp: milliseconds, properties: properties,
                          traits: traits, line: lineNumber)
        }
        return DecodedLine(event: event, timestamp: milliseconds, timestampOffset: timestampOffset, messageID: messageID)
    }

    private func validatedTimestamp(in line: UnsafeBufferPointer<UInt8>) throws(LineProblem) -> (Int64, Int) {
        guard let timestamp else {
            throw LineProblem(offset: 0, message: "missing `timestamp`", help: "add `\"timestamp\"`; " + Members.timestampHelp)
        }
        guard timestamp.kind == .string else { throw wrongType("timestamp", timestamp, expected: "a string") }
        let token = timestamp.token
        let parsed = token.hasEscapes ? RFC3339.parse(token.string(in: line)) : RFC3339.parse(token.bytes(in: line))
        guard let parsed else {
            throw LineProblem(offset: timestamp.offset, message: "invalid timestamp `\(token.string(in: line))`",
                              help: Members.timestampHelp)
        }
        return (parsed, timestamp.offset)
    }

    private func eventName(with scanner: JSONScanner) throws(LineProblem) -> String {
        guard let event else {
            throw LineProblem(offset: 0, message: "`track` event without `event`",
                              help: "add `\"event\"` with the event's name, like `\"event\":\"Order Completed\"`")
        }
        guard event.kind == .string else { throw wrongType("event", event, expected: "a string") }
        let token = event.token
        guard token.count > 0 else {
            throw LineProblem(offset: event.offset, message: "empty `event` name", help: "give the event's name, like `\"Order Completed\"`")
        }
        return scanner.string(token)
    }

    /// Where an id member's text is: a string (empty counts as absent) or a number; null or
    /// absent is nil.
    private func idToken(_ field: Field?, _ key: String) throws(LineProblem) -> StringToken? {
        guard let field else { return nil }
        switch field.kind {
        case .string, .number: return field.token.count == 0 ? nil : field.token
        case .null: return nil
        case .object, .array, .boolean: throw wrongType(key, field, expected: "a string")
        }
    }

    private func object(_ field: ObjectField, _ key: String) throws(LineProblem) -> Value.Object {
        switch field {
        case .absent: return Value.Object()
        case .object(let object): return object
        case .wrong(let found): throw wrongType(key, found, expected: "an object")
        }
    }

    private func wrongType(_ key: String, _ field: Field, expected: String) -> LineProblem {
        LineProblem(offset: field.offset, message: "`\(key)` must be \(expected), found \(field.description)")
    }
}

private extension JSONScanner {
    /// Scans a member value that replay wants as a scalar, keeping it as a token.
    mutating func scanField() throws(JSONError) -> Field {
        skipWhitespace()
        let offset = position
        guard position < bytes.count else { throw .unexpectedEnd(position, expecting: "a value") }
        let kind: Field.Kind
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return Field(kind: .string, token: try scanString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try scanNumber()
            return Field(kind: .number, token: StringToken(start: number.start, end: number.end, hasEscapes: false))
        case UInt8(ascii: "n"): kind = .null
        case UInt8(ascii: "{"): kind = .object
        case UInt8(ascii: "["): kind = .array
        default: kind = .boolean
        }
        _ = try parseValue(depth: 1, build: false)
        return Field(kind: kind, token: StringToken(start: offset, end: position, hasEscapes: false))
    }

    /// Scans a member value that must be an object (null counts as absent).
    mutating func scanObjectField() throws(JSONError) -> ObjectField {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            let field = try scanField()
            return field.kind == .null ? .absent : .wrong(field)
        }
        guard case .object(let object) = try parseValue(depth: 1, build: true) else { return .absent }
        return .object(object)
    }

    /// The line is not an object: report its JSON error if it has one, else that it is no event.
    mutating func rejectNonObject() throws(JSONError) {
        let start = position
        _ = try parseValue(depth: 0, build: false)
        try expectEnd()
        throw JSONError(offset: start, message: "expected an event object `{…}`, found \(JSONError.describe(bytes[start]))")
    }
}
