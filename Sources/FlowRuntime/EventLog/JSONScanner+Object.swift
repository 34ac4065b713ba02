import FlowSyntax

extension JSONScanner {
    /// Builds the object at the current `{`, nested `depth` containers deep, in one loop: member
    /// values that are strings, numbers or literals (what event properties and traits hold) are
    /// made here; only nested containers and malformed values go through `parseValue`, which
    /// also reports every error exactly as for any other value.
    ///
    /// Members are gathered on the shared `MemberStack` (a repeated key takes the new value at
    /// its first position); from `maxStackedMembers` on, the object is built with its key index.
    /// With `keeping`, only the members it keeps are built; the others are checked as if built
    /// (`Handling.check`), so a line fails exactly where it would with them.
    mutating func buildObject(depth: Int, keeping filter: MemberKeyFilter? = nil) throws(JSONError) -> Value.Object {
        try buildObject(depth: depth, keeping: filter,
                        stacked: { stack, start in Value.Object(distinctMembers: stack.take(above: start)) },
                        large: { $0 })
    }

    /// Builds the object at the current `{` as `buildObject` does, packed (see `PackedObject`):
    /// member by member from the bytes, by `JSONBuildState.packer`, with no `String` made for a
    /// string value. An object whose key repeats, or with more than `maxStackedMembers` members
    /// (rare in an event log), is checked to its end, then built again from its start by
    /// `buildObject`'s loop, which settles repeated keys.
    mutating func buildPackedObject(depth: Int, keeping filter: MemberKeyFilter? = nil) throws(JSONError) -> PackedObject {
        let start = position
        let packer = state.packer
        let strings = state.strings
        packer.begin()
        var packable = true
        try scanMembers(depth: depth) { scanner, key throws(JSONError) in
            guard packable, filter?.keeps(scanner.string(key, maker: strings)) ?? true else {
                _ = try scanner.parseValue(depth: depth + 1, .check)
                return
            }
            let added = try key.withDecodedBytes(in: scanner.bytes) { key throws(JSONError) -> Bool in
                guard packer.memberCount < JSONScanner.maxStackedMembers, !packer.containsKey(key) else { return false }
                try scanner.packMemberValue(key: key, depth: depth + 1, into: packer)
                return true
            }
            if !added {
                packable = false
                _ = try scanner.parseValue(depth: depth + 1, .check)
            }
        }
        guard !packable else { return packer.build() }
        position = start
        return try buildObject(depth: depth, keeping: filter, stacked: { stack, start in stack.pack(above: start) },
                               large: PackedObject.init)
    }

    /// The loop of `buildObject`: `stacked` makes the result from the members above `start` on
    /// the stack (and takes them off), `large` from an object too large for the stack.
    @inline(__always)
    private mutating func buildObject<Built>(
        depth: Int, keeping filter: MemberKeyFilter?,
        stacked: (MemberStack, _ start: Int) -> Built, large makeLarge: (Value.Object) -> Built
    ) throws(JSONError) -> Built {
        // One reference to each for the whole object, not one per member.
        let members = state.members
        let strings = state.strings
        let start = members.count
        // Set once the object has too many members to look for repeated keys linearly.
        var large: Value.Object?
        try scanMembers(depth: depth) { scanner, token throws(JSONError) in
            let key = scanner.string(token, maker: strings)
            if let filter, !filter.keeps(key) {
                _ = try scanner.parseValue(depth: depth + 1, .check)
                return
            }
            let value = try scanner.memberValue(depth: depth + 1, strings: strings)
            // Moved, not copied: a copy of a `Value` is a call (and a retain and a release).
            if large != nil {
                large?[key] = consume value
            } else if members.add(key: key, value: consume value, above: start) == JSONScanner.maxStackedMembers {
                large = Value.Object(distinctMembers: members.take(above: start))
            }
        }
        if let large { return makeLarge(large) }
        return stacked(members, start)
    }

    /// The value of an object member, built; scalars without a call to `parseValue`.
    @inline(__always)
    private mutating func memberValue(depth: Int, strings: StringMaker) throws(JSONError) -> Value {
        switch try scanScalar() {
        case .string(let token)?: .string(string(token, maker: strings))
        case .number(let token)?: .number(try number(token, maker: strings))
        case .literal(let value)?: value
        case nil: try parseValue(depth: depth, .build)
        }
    }

    /// Adds the member `key` with the value at the current position to `packer`; a string's
    /// bytes are copied, not made into a `String`.
    @inline(__always)
    private mutating func packMemberValue(key: UnsafeBufferPointer<UInt8>, depth: Int,
                                          into packer: PackedObjectBuilder) throws(JSONError) {
        switch try scanScalar() {
        case .string(let token)?: token.withDecodedBytes(in: bytes) { packer.add(key: key, string: $0) }
        case .number(let token)?: packer.add(key: key, value: .number(try number(token, maker: state.strings)))
        case .literal(let value)?: packer.add(key: key, value: value)
        case nil: packer.add(key: key, value: try parseValue(depth: depth, .build))
        }
    }

    /// A scalar member value, scanned.
    private enum Scalar {
        case string(StringToken)
        case number(NumberToken)
        /// `true`, `false` or `null`.
        case literal(Value)
    }

    /// Scans the string, number or literal at the current position; nil, with nothing consumed,
    /// for anything else (containers, and what is no value: `parseValue` reports it).
    @inline(__always)
    private mutating func scanScalar() throws(JSONError) -> Scalar? {
        skipWhitespace()
        guard position < bytes.count else { throw .unexpectedEnd(position, expecting: "a value") }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return .string(try scanString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try scanNumber())
        case UInt8(ascii: "t") where hasLiteral("true"):
            position += 4
            return .literal(.bool(true))
        case UInt8(ascii: "f") where hasLiteral("false"):
            position += 5
            return .literal(.bool(false))
        case UInt8(ascii: "n") where hasLiteral("null"):
            position += 4
            return .literal(.null)
        default:
            return nil
        }
    }

    /// Whether `literal` (4 or 5 bytes) is at the current position: a word comparison or two.
    @inline(__always)
    private func hasLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard let base = bytes.baseAddress, bytes.count - position >= count else { return false }
        let here = UnsafeRawPointer(base + position)
        let expected = UnsafeRawPointer(literal.utf8Start)
        guard here.loadUnaligned(as: UInt32.self) == expected.loadUnaligned(as: UInt32.self) else { return false }
        return count == 4 || here.load(fromByteOffset: 4, as: UInt8.self) == expected.load(fromByteOffset: 4, as: UInt8.self)
    }
}
