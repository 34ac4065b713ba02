/// A dynamic value: a trait, an event property, a YAML scalar in `update:`, or an expression result.
///
/// Numbers keep the text they were written with (`59.90` stays `59.90` in templates);
/// comparisons use `double`. Timestamps and durations are integer milliseconds.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Number)
    case string(String)
    /// Milliseconds since the Unix epoch, UTC.
    case timestamp(Int64)
    /// Milliseconds.
    case duration(Int64)
    case list([Value])
    case object(Object)

    /// A number with the exact text it was written as.
    ///
    /// 16 bytes, so that a `Value` takes 17 and an object member 40 (with the text as a `String`
    /// beside the `Double` they took 25 and 48): the text is kept only when it cannot be made
    /// again from the value. A plain decimal of at most 15 digits (`42`, `59.90`, `-0.05`) is the
    /// value printed with as many fraction digits as it was written with; other texts (an
    /// exponent, more digits, YAML's own forms) are kept in a box of their own.
    public struct Number: Hashable, Sendable {
        public let double: Double
        /// How the text is made again (`PackedObject` keeps the first two kinds in bytes).
        package let spelling: Spelling

        /// How to make the text again.
        package enum Spelling: Sendable {
            /// As `init(_:)` writes a computed number.
            case computed
            /// A plain decimal (`-?digits(.digits)?`, at most 15 digits) with this many digits after
            /// the point: its text is made again by `plainText`.
            case plain(fractionDigits: UInt8)
            /// Any other text.
            case written(WrittenText)
        }

        /// The text of a number not written plainly.
        package final class WrittenText: Sendable {
            let text: String

            init(_ text: String) {
                self.text = text
            }
        }

        /// The largest number of digits a plain spelling may have.
        public static let maxPlainDigits = 15

        /// The number `text` says; `double` must be its value.
        public init(_ double: Double, text: String) {
            self.double = double
            if Swift.abs(double) < 1e15, let fractionDigits = Number.plainFractionDigits(of: text),
               Number.plainText(double, fractionDigits) == text {
                spelling = .plain(fractionDigits: UInt8(fractionDigits))
            } else {
                spelling = .written(WrittenText(text))
            }
        }

        /// A plain decimal written with `fractionDigits` digits after the point (none: an integer)
        /// and at most `maxPlainDigits` digits in all, made without its text (which is `double`
        /// printed so): `double` must be the decimal's correctly rounded value.
        package init(_ double: Double, plainFractionDigits fractionDigits: Int) {
            assert((0..<Number.maxPlainDigits).contains(fractionDigits) && Swift.abs(double) < 1e15)
            self.double = double
            spelling = .plain(fractionDigits: UInt8(fractionDigits))
        }

        /// A computed number: an integer up to 15 digits prints as one, others as Swift prints a `Double`.
        public init(_ double: Double) {
            self.double = double
            spelling = .computed
        }

        /// The text the number was written with, or for a computed one as `init(_:)` prints it.
        public var text: String {
            switch spelling {
            case .computed:
                if double == double.rounded(), Swift.abs(double) < 1e15 { return String(Int64(double)) }
                return String(double)
            case .plain(let fractionDigits):
                return Number.plainText(double, Int(fractionDigits))
            case .written(let written):
                return written.text
            }
        }

        /// Digits after the point of a plain decimal `text` of at most `maxPlainDigits` digits;
        /// nil for any other text.
        private static func plainFractionDigits(of text: String) -> Int? {
            var bytes = Substring(text).utf8[...]
            if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let integerDigits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            // No leading zero but a lone one, as JSON writes numbers.
            guard !integerDigits.isEmpty, integerDigits.count == 1 || integerDigits.first != UInt8(ascii: "0") else { return nil }
            var rest = bytes.dropFirst(integerDigits.count)
            var fractionDigits = 0
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst()
                fractionDigits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
                guard fractionDigits > 0 else { return nil }
                rest = rest.dropFirst(fractionDigits)
            }
            guard rest.isEmpty, integerDigits.count + fractionDigits <= maxPlainDigits else { return nil }
            return fractionDigits
        }

        /// `double` printed with `fractionDigits` digits after the point. For the value of a plain
        /// decimal of at most `maxPlainDigits` digits (the significand s below 10^15) this is the
        /// decimal's text: `double` is within half an ulp of s/10^f, so double·10^f is within
        /// about 0.22 of s, and rounding gives s back.
        private static func plainText(_ double: Double, _ fractionDigits: Int) -> String {
            let digits = UInt64((Swift.abs(double) * powersOfTen[fractionDigits]).rounded())
            var text = double.sign == .minus ? "-" : ""
            let scale = UInt64(powersOfTen[fractionDigits])
            text += String(digits / scale)
            if fractionDigits > 0 {
                let fraction = String(digits % scale)
                text += "." + String(repeating: "0", count: fractionDigits - fraction.utf8.count) + fraction
            }
            return text
        }

        private static let powersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

        public static func == (a: Number, b: Number) -> Bool { a.double == b.double }
        public func hash(into hasher: inout Hasher) { hasher.combine(double) }
    }

    /// An ordered string-keyed map: members keep their insertion order (JSON object order, for
    /// output); lookups are by key; equality and hashing ignore the order.
    ///
    /// The members live in one array, searched linearly while the object is small (an event's
    /// properties, a contact's traits); from `indexedCount` members on a key → position index is
    /// kept as well, so big objects stay linear to build.
    public struct Object: Hashable, Sendable {
        /// One key-value pair.
        public struct Member: Hashable, Sendable {
            public var key: String
            public var value: Value

            @inlinable
            public init(key: String, value: Value) {
                self.key = key
                self.value = value
            }
        }

        @usableFromInline var members: [Member]
        /// Positions in `members` by key; only for objects of `indexedCount` members or more.
        @usableFromInline var positions: [ExactKey: Int]?

        /// From this many members on, lookups use `positions`.
        @usableFromInline static let indexedCount = 16

        @inlinable
        public init() {
            members = []
            positions = nil
        }

        /// The pairs in order; for a key given twice the last value wins, at the first position.
        public init(_ pairs: [(String, Value)]) {
            self.init()
            members.reserveCapacity(pairs.count)
            for (key, value) in pairs { self[key] = value }
        }

        /// Members whose keys are known to be distinct, in order (checked in debug builds).
        @inlinable
        public init(distinctMembers: [Member]) {
            members = distinctMembers
            positions = nil
            if members.count >= Object.indexedCount { rebuildPositions() }
            // No two keys with the same bytes ("K" and the Kelvin sign, equal as strings, are two keys).
            assert(Set(members.map { Array($0.key.utf8) }).count == members.count, "duplicate keys in Value.Object(distinctMembers:)")
        }

        @inlinable
        public subscript(key: String) -> Value? {
            get {
                guard let position = position(of: key) else { return nil }
                return members[position].value
            }
            set {
                if let position = position(of: key) {
                    if let newValue { members[position].value = newValue } else { remove(at: position) }
                } else if let newValue {
                    members.append(Member(key: key, value: newValue))
                    if positions != nil {
                        positions?[ExactKey(key)] = members.count - 1
                    } else if members.count >= Object.indexedCount {
                        rebuildPositions()
                    }
                }
            }
        }

        @inlinable public var isEmpty: Bool { members.isEmpty }
        @inlinable public var count: Int { members.count }

        /// Key-value pairs in insertion order.
        @inlinable public var pairs: [(key: String, value: Value)] { members.map { ($0.key, $0.value) } }

        /// The members in insertion order.
        @inlinable public var orderedMembers: [Member] { members }

        /// The keys in insertion order.
        public var keys: [String] { members.map(\.key) }

        /// Makes room for `capacity` members without reallocating.
        @inlinable
        public mutating func reserveCapacity(_ capacity: Int) {
            members.reserveCapacity(capacity)
        }

        /// Where `key` is in `members`: the member whose key has the same UTF-8 bytes, in objects of
        /// every size ("K" and the Kelvin sign, equal as Swift strings, are two keys). A linear
        /// search comparing lengths before contents, after a first pass for a key with the same
        /// two words (the same short key's bytes, or the same storage), which is how most
        /// look-ups find theirs: without a call to compare strings.
        @inlinable
        func position(of key: String) -> Int? {
            if let positions { return positions[ExactKey(key)] }
            if MemoryLayout<String>.size == 16 {
                let words = unsafeBitCast(key, to: (UInt64, UInt64).self)
                if let found = members.firstIndex(where: { unsafeBitCast($0.key, to: (UInt64, UInt64).self) == words }) {
                    return found
                }
            }
            return members.firstIndex { ExactKey.sameBytes($0.key, key) }
        }

        @usableFromInline
        mutating func remove(at position: Int) {
            members.remove(at: position)
            positions = nil
            if members.count >= Object.indexedCount { rebuildPositions() }
        }

        @usableFromInline
        mutating func rebuildPositions() {
            var positions = [ExactKey: Int](minimumCapacity: members.count)
            for (position, member) in members.enumerated() { positions[ExactKey(member.key)] = position }
            self.positions = positions
        }

        public static func == (a: Object, b: Object) -> Bool {
            a.count == b.count && a.members.allSatisfy { b[$0.key] == $0.value }
        }

        /// Order-independent, like equality: the members' own hashes are summed.
        public func hash(into hasher: inout Hasher) {
            var sum = 0
            for member in members {
                var memberHasher = Hasher()
                memberHasher.combine(member.key)
                memberHasher.combine(member.value)
                sum &+= memberHasher.finalize()
            }
            hasher.combine(members.count)
            hasher.combine(sum)
        }
    }

    /// A member key compared and hashed by its UTF-8 bytes.
    @usableFromInline
    struct ExactKey: Hashable, Sendable {
        @usableFromInline let string: String

        @inlinable
        init(_ string: String) {
            self.string = string
        }

        /// Whether `a` and `b` have the same UTF-8 bytes.
        @inlinable
        static func sameBytes(_ a: String, _ b: String) -> Bool {
            a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
        }

        @inlinable
        static func == (a: ExactKey, b: ExactKey) -> Bool { sameBytes(a.string, b.string) }

        @inlinable
        func hash(into hasher: inout Hasher) {
            var string = string
            string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The member `key` of an object, else null.
    public subscript(key: String) -> Value {
        if case .object(let object) = self { return object[key] ?? .null }
        return .null
    }
}
