import FlowSyntax

/// A complete RFC 8259 JSON parser working directly on UTF-8 bytes: the hot path of the event log.
///
/// It accepts exactly the RFC grammar (no comments, no trailing commas, no `NaN`, no leading
/// zeros or `+` in numbers, no unescaped control characters, valid UTF-8 only, no lone
/// surrogates) and nests at most `maxDepth` containers deep. Numbers keep their exact text
/// (`Value.Number`); a number too large for a `Double` is an error. In an object with duplicate
/// keys the last value wins (at the position of the first). Errors carry the byte offset of the
/// problem (`JSONError`).
///
/// The scanner reads memory it does not own: the bytes must stay valid while it is used.
public struct JSONScanner {
    /// How many containers may nest inside each other.
    public static let maxDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next unread byte.
    var position = 0
    /// What building values reuses; callers that parse many documents keep it between them.
    let state: JSONBuildState

    /// From this many members on, an object is built with `Value.Object`'s key index rather
    /// than on the member stack.
    static let maxStackedMembers = 16

    init(_ bytes: UnsafeBufferPointer<UInt8>, state: JSONBuildState = JSONBuildState()) {
        self.bytes = bytes
        self.state = state
    }

    /// Parses one JSON document (surrounding whitespace allowed, nothing else after it).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> Value {
        var scanner = JSONScanner(bytes)
        let value = try scanner.parseValue(depth: 0, .build)
        try scanner.expectEnd()
        return value
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String) throws(JSONError) -> Value {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(JSONError) in try parse(bytes) } }
        return try result.get()
    }

    // MARK: Values

    /// What parsing a value does besides validating its grammar.
    enum Handling {
        /// Build the value.
        case build
        /// Build nothing, but fail exactly where building would (a number too large for a
        /// `Double`): for a value that may be built later from the same bytes.
        case check
        /// Validate the grammar only: how members nobody reads are skipped cheaply.
        case skip
    }

    /// Parses the value at the current position, nested `depth` containers deep. Unless
    /// `handling` is `.build` the value is validated but not built (the result is `.null`).
    mutating func parseValue(depth: Int, _ handling: Handling) throws(JSONError) -> Value {
        skipWhitespace()
        guard position < bytes.count else { throw .unexpectedEnd(position, expecting: "a value") }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            let token = try scanString()
            return handling == .build ? .string(string(token)) : .null
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth, handling)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth, handling)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let token = try scanNumber()
            switch handling {
            case .skip:
                return .null
            case .check:
                try token.checkRange(in: bytes)
                return .null
            case .build:
                return .number(try number(token, maker: state.strings))
            }
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case let byte:
            throw .expectedValue(position, found: byte)
        }
    }

    private mutating func parseObject(depth: Int, _ handling: Handling) throws(JSONError) -> Value {
        guard handling == .build else {
            try validateObject(depth: depth, handling)
            return .null
        }
        return .object(try buildObject(depth: depth))
    }

    /// Validates an object without building it.
    private mutating func validateObject(depth: Int, _ handling: Handling) throws(JSONError) {
        try scanMembers(depth: depth) { scanner, _ throws(JSONError) in _ = try scanner.parseValue(depth: depth + 1, handling) }
    }

    private mutating func parseArray(depth: Int, _ handling: Handling) throws(JSONError) -> Value {
        try enterContainer(depth: depth)
        let build = handling == .build
        var elements: [Value] = []
        if !(try closesEmptyContainer(UInt8(ascii: "]"))) {
            repeat {
                let element = try parseValue(depth: depth + 1, handling)
                if build { elements.append(element) }
            } while try continuesArray()
        }
        return build ? .list(elements) : .null
    }

    // MARK: Container grammar (shared with the event decoder's top-level loop)

    /// Walks the object whose `{` is at the current position, `depth` containers deep, to its
    /// `}`: `member` is given each key, with the position before its value, and scans the value.
    @inline(__always)
    mutating func scanMembers(depth: Int, _ member: (inout JSONScanner, StringToken) throws(JSONError) -> Void) throws(JSONError) {
        try enterContainer(depth: depth)
        guard !(try closesEmptyContainer(UInt8(ascii: "}"))) else { return }
        var afterComma = false
        repeat {
            let key = try scanMemberKey(afterComma: afterComma)
            afterComma = true
            try member(&self, key)
        } while try continuesObject()
    }

    /// Consumes the `{` or `[` at the current position, refusing to nest too deep.
    mutating func enterContainer(depth: Int) throws(JSONError) {
        guard depth < JSONScanner.maxDepth else { throw .tooDeep(position, limit: JSONScanner.maxDepth) }
        position += 1
    }

    /// After an opening bracket: consumes `close` if the container is empty.
    mutating func closesEmptyContainer(_ close: UInt8) throws(JSONError) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == close else { return false }
        position += 1
        return true
    }

    /// Scans `"key" :`, leaving the position before the member's value.
    @inline(__always)
    mutating func scanMemberKey(afterComma: Bool) throws(JSONError) -> StringToken {
        skipWhitespace()
        guard position < bytes.count else { throw .unexpectedEnd(position, expecting: "a string key") }
        guard bytes[position] == UInt8(ascii: "\"") else {
            throw .expectedKey(position, found: bytes[position], afterComma: afterComma)
        }
        let key = try scanString()
        skipWhitespace()
        guard position < bytes.count else { throw .unexpectedEnd(position, expecting: "`:` after object key") }
        guard bytes[position] == UInt8(ascii: ":") else { throw .expectedColon(position, found: bytes[position]) }
        position += 1
        return key
    }

    /// After an object member: true after a `,`, false after the closing `}`.
    @inline(__always)
    mutating func continuesObject() throws(JSONError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw .unexpectedEnd(position, expecting: "`,` or `}` after object member") }
        switch bytes[position] {
        case UInt8(ascii: ","): position += 1; return true
        case UInt8(ascii: "}"): position += 1; return false
        case let byte: throw .expectedAfterMember(position, found: byte)
        }
    }

    /// After an array element: true after a `,`, false after the closing `]`.
    private mutating func continuesArray() throws(JSONError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw .unexpectedEnd(position, expecting: "`,` or `]` after array element") }
        switch bytes[position] {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { throw .trailingComma(position) }
            return true
        case UInt8(ascii: "]"): position += 1; return false
        case let byte: throw .expectedAfterElement(position, found: byte)
        }
    }

    // MARK: Tokens

    /// The decoded string of `token`.
    @inline(__always)
    func string(_ token: StringToken) -> String {
        string(token, maker: state.strings)
    }

    /// The decoded string of `token`, made by `strings` (which a loop making many holds once).
    @inline(__always)
    func string(_ token: StringToken, maker strings: StringMaker) -> String {
        guard !token.hasEscapes else { return token.string(in: bytes) }
        return strings.string(in: bytes, start: token.start, count: token.count)
    }

    /// The number of `token`, keeping its text (made by `strings` if needed).
    @inline(__always)
    func number(_ token: NumberToken, maker strings: StringMaker) throws(JSONError) -> Value.Number {
        try token.number(in: bytes, maker: strings)
    }

    /// Requires that only whitespace is left.
    mutating func expectEnd() throws(JSONError) {
        skipWhitespace()
        if position < bytes.count { throw .trailingGarbage(position, found: bytes[position]) }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let start = position
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        guard bytes.count - start >= count, (0..<count).allSatisfy({ bytes[start + $0] == expected[$0] }) else {
            let word = bytes[start...].prefix(20).prefix { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
            throw .invalidLiteral(start, found: String(decoding: word, as: UTF8.self), expected: literal.description)
        }
        position += count
    }
}

/// What building values reuses from one document to the next (a class: a scanner per line
/// shares it for one reference count).
final class JSONBuildState {
    let members = MemberStack()
    let strings = StringMaker()
    let packer = PackedObjectBuilder()
}
