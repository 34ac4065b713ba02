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
        token.withDecodedBytes(in: line, body)
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
/// With `propertiesWanted`, only `track` events of those names keep their `properties`; other
/// events get empty ones, and the object is checked (so errors stay the same) but not built.
/// With `propertyKeysWanted` and `traitsWanted`, only those members of `properties` and
/// `traits` are built; the others are checked alike.
///
/// One decoder serves a whole log: it keeps the scanner's build state (string cache, member
/// stack) from line to line, so it is not for use from several threads at once.
struct EventDecoder {
    private let state = JSONBuildState()
    private let timestamps = TimestampParser()
    /// The names seen, with whether their properties are wanted.
    private let names: EventNames
    private let filters: MemberFilters

    init(propertiesWanted: Set<String>? = nil, propertyKeysWanted: Set<String>? = nil, traitsWanted: Set<String>? = nil) {
        names = EventNames(propertiesWanted: propertiesWanted)
        filters = MemberFilters(properties: propertyKeysWanted.map(MemberKeyFilter.init),
                                traits: traitsWanted.map(MemberKeyFilter.init))
    }

    /// Decodes `line`; its `messageId`, as soon as it is scanned, is looked up ahead in
    /// `messageIDs` (`MessageIDSet.prefetch`), so that de-duplicating it after the decoding
    /// finds its slot in cache.
    func decode(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int,
                messageIDs: borrowing MessageIDSet) throws(LineProblem) -> DecodedLine {
        state.members.removeAll() // what the last line left if it failed
        var scanner = JSONScanner(line, state: state)
        var members = Members()
        do {
            try members.scan(&scanner, names: names, filters: filters, messageIDs: messageIDs)
        } catch {
            throw LineProblem(offset: error.offset, message: error.message)
        }
        return try members.validated(with: scanner, lineNumber: lineNumber, names: names, filters: filters,
                                     timestamps: timestamps)
    }
}

extension EventDecoder {
    /// The `messageId` of a line that decoded before, found again as `decode` takes it (the last
    /// such member, when a non-empty string or number) without building anything; nil when the
    /// line has none, or is no longer an object.
    static func messageID(in line: UnsafeBufferPointer<UInt8>, state: JSONBuildState) -> EventMessageID? {
        var scanner = JSONScanner(line, state: state)
        var messageID: Field?
        do {
            scanner.skipWhitespace()
            guard scanner.position < line.count, line[scanner.position] == UInt8(ascii: "{") else { return nil }
            try scanner.scanMembers(depth: 0) { scanner, key throws(JSONError) in
                if EventMember.named(key, in: line) == .messageID {
                    messageID = try scanner.scanField()
                } else {
                    _ = try scanner.parseValue(depth: 1, .skip)
                }
            }
        } catch {
            return nil
        }
        guard let messageID, messageID.kind == .string || messageID.kind == .number, messageID.token.count > 0 else { return nil }
        return EventMessageID(token: messageID.token)
    }
}

/// The members of `properties` and `traits` the decoder builds; nil: all.
struct MemberFilters {
    var properties: MemberKeyFilter?
    var traits: MemberKeyFilter?
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

/// An object-valued member (`properties`, `traits`): absent (or null), an object (packed, or
/// checked and left to be packed from its offset if it turns out to be needed), or not an object.
private enum ObjectField {
    case absent
    case object(PackedObject)
    case unbuilt(offset: Int)
    case wrong(Field)
}

/// What a line's `type` names.
private enum LineType {
    case track, identify, ignored

    init?(_ type: StringToken, in line: UnsafeBufferPointer<UInt8>) {
        if type.equals("track", in: line) {
            self = .track
        } else if type.equals("identify", in: line) {
            self = .identify
        } else if LineType.ignoredTypes.contains(where: { type.equals($0, in: line) }) {
            self = .ignored
        } else {
            return nil
        }
    }

    static let ignoredTypes: [StaticString] = ["page", "screen", "group", "alias"]

    /// The kind of event replay gets; nil for an ignored type.
    var eventKind: Event.Kind? {
        switch self {
        case .track: .track
        case .identify: .identify
        case .ignored: nil
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
    /// What a string `type` names (nil for another type or kind), judged as it is scanned.
    var lineType: LineType?
    /// The name a non-empty string `event` gives, found as it is scanned.
    var eventName: EventNames.Name?

    static let typeHelp = "use `track`, `identify`, `page`, `screen`, `group` or `alias`"
    static let timestampHelp = "write an RFC 3339 time with `Z` or an offset, like `2026-03-01T09:00:00Z` or `2026-03-01T10:00:00+01:00`"

    // MARK: Scanning

    mutating func scan(_ scanner: inout JSONScanner, names: EventNames, filters: MemberFilters,
                       messageIDs: borrowing MessageIDSet) throws(JSONError) {
        let line = scanner.bytes
        scanner.skipWhitespace()
        guard scanner.position < line.count, line[scanner.position] == UInt8(ascii: "{") else {
            try scanner.rejectNonObject()
            return
        }
        try scanner.scanMembers(depth: 0) { scanner, key throws(JSONError) in
            switch EventMember.named(key, in: line) {
            case .type:
                let field = try scanner.scanField()
                type = field
                lineType = field.kind == .string ? LineType(field.token, in: line) : nil
            case .userID: userID = try scanner.scanField()
            case .anonymousID: anonymousID = try scanner.scanField()
            case .event:
                let field = try scanner.scanField()
                event = field
                eventName = field.kind == .string && field.token.count > 0 ? names.name(field.token, with: scanner) : nil
            case .timestamp: timestamp = try scanner.scanField()
            case .messageID:
                let field = try scanner.scanField()
                messageID = field
                if field.kind == .string, !field.token.hasEscapes { messageIDs.prefetch(field.token.bytes(in: line)) }
            case .properties:
                properties = try scanner.scanObjectField(build: mayReadProperties(names), keeping: filters.properties)
            case .traits: traits = try scanner.scanObjectField(build: true, keeping: filters.traits)
            case nil: _ = try scanner.parseValue(depth: 1, .skip)
            }
        }
        try scanner.expectEnd()
    }

    /// Whether replay may read the `properties` being scanned, judged by the members seen so
    /// far: false only when they show it will not (`validated` has the final word).
    private func mayReadProperties(_ names: EventNames) -> Bool {
        let everyEvent = names.propertiesWanted == nil
        guard let type, type.kind == .string else { return everyEvent }
        switch lineType {
        case .track?:
            // An empty name fails validation whatever is built.
            return everyEvent || eventName?.keepsProperties == true
        case .identify?:
            return everyEvent
        case .ignored?, nil:
            return false
        }
    }

    // MARK: Validation

    func validated(with scanner: JSONScanner, lineNumber: Int, names: EventNames, filters: MemberFilters,
                   timestamps: TimestampParser) throws(LineProblem) -> DecodedLine {
        let line = scanner.bytes
        guard let type else {
            throw LineProblem(offset: 0, message: "missing `type`", help: "add `\"type\"`; " + Members.typeHelp)
        }
        guard type.kind == .string else { throw wrongType("type", type, expected: "a string") }
        guard let lineType else {
            throw LineProblem(offset: type.offset, message: "unknown event type `\(type.token.string(in: line))`",
                              help: Members.typeHelp)
        }

        var contactID = try idToken(userID, "userId").map(scanner.string)
        if contactID == nil { contactID = try idToken(anonymousID, "anonymousId").map(scanner.string) }
        guard let contactID else {
            throw LineProblem(offset: 0, message: "event has neither `userId` nor `anonymousId`",
                              help: "add `\"userId\"` (or `\"anonymousId\"`) with the contact's id")
        }
        let (milliseconds, timestampOffset) = try validatedTimestamp(in: line, parser: timestamps)
        let messageID = try idToken(messageID, "messageId").map(EventMessageID.init)
        if case .wrong(let found) = properties { throw wrongType("properties", found, expected: "an object") }
        let traits = try object(traits, "traits", with: scanner, keeping: filters.traits)
        let name = lineType == .track ? try validatedEventName() : nil

        guard let kind = lineType.eventKind else {
            return DecodedLine(event: nil, timestamp: milliseconds, timestampOffset: timestampOffset, messageID: messageID)
        }
        let readsProperties = name?.keepsProperties ?? (names.propertiesWanted == nil)
        // Built in place in the result: an `Event` made first and then stored would be copied.
        return DecodedLine(
            event: Event(kind: kind, contactID: contactID, name: name?.string, timestamp: milliseconds,
                         properties: readsProperties
                             ? try object(properties, "properties", with: scanner, keeping: filters.properties) : PackedObject(),
                         traits: traits, line: lineNumber),
            timestamp: milliseconds, timestampOffset: timestampOffset, messageID: messageID)
    }

    private func validatedTimestamp(in line: UnsafeBufferPointer<UInt8>, parser: TimestampParser) throws(LineProblem) -> (Int64, Int) {
        guard let timestamp else {
            throw LineProblem(offset: 0, message: "missing `timestamp`", help: "add `\"timestamp\"`; " + Members.timestampHelp)
        }
        guard timestamp.kind == .string else { throw wrongType("timestamp", timestamp, expected: "a string") }
        let token = timestamp.token
        let parsed = token.hasEscapes ? RFC3339.parse(token.string(in: line)) : parser.parse(token.bytes(in: line))
        guard let parsed else {
            throw LineProblem(offset: timestamp.offset, message: "invalid timestamp `\(token.string(in: line))`",
                              help: Members.timestampHelp)
        }
        return (parsed, timestamp.offset)
    }

    private func validatedEventName() throws(LineProblem) -> EventNames.Name {
        guard let event else {
            throw LineProblem(offset: 0, message: "`track` event without `event`",
                              help: "add `\"event\"` with the event's name, like `\"event\":\"Order Completed\"`")
        }
        guard event.kind == .string else { throw wrongType("event", event, expected: "a string") }
        guard let eventName else { // set for every non-empty string
            throw LineProblem(offset: event.offset, message: "empty `event` name", help: "give the event's name, like `\"Order Completed\"`")
        }
        return eventName
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

    /// The object of an object-valued member, packed now (the members `filter` keeps) if it was
    /// left unbuilt.
    private func object(_ field: ObjectField, _ key: String, with scanner: JSONScanner,
                        keeping filter: MemberKeyFilter?) throws(LineProblem) -> PackedObject {
        switch field {
        case .absent: return PackedObject()
        case .object(let object): return object
        case .unbuilt(let offset):
            var rescanner = scanner
            rescanner.position = offset
            do {
                return try rescanner.buildPackedObject(depth: 1, keeping: filter)
            } catch {
                throw LineProblem(offset: error.offset, message: error.message) // checked before: not expected
            }
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
        _ = try parseValue(depth: 1, .skip)
        return Field(kind: kind, token: StringToken(start: offset, end: position, hasEscapes: false))
    }

    /// Scans a member value that must be an object (null counts as absent); without `build`
    /// the object is checked and left unbuilt, with it only the members `keeping` keeps are built.
    mutating func scanObjectField(build: Bool, keeping filter: MemberKeyFilter?) throws(JSONError) -> ObjectField {
        skipWhitespace()
        let offset = position
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            let field = try scanField()
            return field.kind == .null ? .absent : .wrong(field)
        }
        guard build else {
            _ = try parseValue(depth: 1, .check)
            return .unbuilt(offset: offset)
        }
        return .object(try buildPackedObject(depth: 1, keeping: filter))
    }

    /// The line is not an object: report its JSON error if it has one, else that it is no event.
    mutating func rejectNonObject() throws(JSONError) {
        let start = position
        _ = try parseValue(depth: 0, .skip)
        try expectEnd()
        throw JSONError(offset: start, message: "expected an event object `{…}`, found \(JSONError.describe(bytes[start]))")
    }
}
