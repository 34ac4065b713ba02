/// An object's members packed into one byte array, for objects kept long and read by key now and
/// then: a contact's traits, which a replay keeps for every contact of the log, and event
/// properties, which running instances keep with their trigger. A `Value.Object`
/// takes 40 bytes a member, and a string of more than 15 bytes an allocation of its own; packed,
/// a member takes its key's and value's bytes and two or three more (the demo's seven traits:
/// ~140 bytes, ~170 with the array's header, in one allocation, where they took ~380 in two).
///
/// Each member is its key (a LEB128 length, then the UTF-8), a kind byte, then the value: a
/// string as a length and its UTF-8, a number, timestamp or duration as 8 bytes (a plain
/// decimal's count of fraction digits first). Values that do not pack so (lists, objects,
/// numbers only their written text says) are kept whole in `boxed`, by index. Members keep their
/// order; equality and hashing are those of `object`.
public struct PackedObject: Hashable, Sendable {
    private var bytes: [UInt8]
    private var boxed: [Value]

    private enum Kind: UInt8 {
        case null, `false`, `true`, string, plainNumber, computedNumber, timestamp, duration, boxed
    }

    /// No members.
    public init() {
        bytes = []
        boxed = []
    }

    /// The members of `object`, in order.
    public init(_ object: Value.Object) {
        self = object.members.withUnsafeBufferPointer { PackedObject(distinctMembers: $0) }
    }

    /// `members`, in order; no two have the same key (as in a `Value.Object`). For a builder
    /// that gathers members in memory of its own, such as a JSON parser's.
    package init(distinctMembers members: UnsafeBufferPointer<Value.Object.Member>) {
        // Written into scratch room on the stack (memory of its own if that is too small), then
        // copied into an array of just the size it took.
        let scratchSize = 512
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scratchSize) { scratch in
            var writer = PackedWriter(room: scratch.baseAddress!, capacity: scratchSize, owned: false)
            for index in members.indices {
                PackedObject.withUTF8(of: members[index].key) { PackedObject.writeBytes($0, into: &writer) }
                PackedObject.encode(members[index].value, into: &writer)
            }
            defer { writer.deallocateOwned() }
            return writer.packed()
        }
    }

    /// The object `writer` holds.
    fileprivate init(bytes: [UInt8], boxed: [Value]) {
        self.bytes = bytes
        self.boxed = boxed
    }

    public var isEmpty: Bool { bytes.isEmpty }

    /// The members, unpacked.
    public var object: Value.Object {
        var members: [Value.Object.Member] = []
        bytes.withUnsafeBytes { bytes in
            Self.walkMembers(bytes) { key, offset in
                var offset = offset
                members.append(Value.Object.Member(key: Self.string(key), value: value(bytes, &offset)))
                return true
            }
        }
        return Value.Object(distinctMembers: members)
    }

    /// The value of the member whose key has the same UTF-8 bytes as `key`, if there is one.
    public subscript(key: String) -> Value? {
        guard var offset = valueOffset(of: key) else { return nil }
        return bytes.withUnsafeBytes { value($0, &offset) }
    }

    /// Whether there is a member whose key has the same UTF-8 bytes as `key`.
    public func containsKey(_ key: String) -> Bool {
        valueOffset(of: key) != nil
    }

    /// Calls `body` with the UTF-8 of the string member `key`, read in place, and returns true;
    /// returns false when there is no such member or it is not a string.
    public func withUTF8(ofString key: String, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard var offset = valueOffset(of: key) else { return false }
        return bytes.withUnsafeBytes { bytes in
            guard bytes[offset] == Kind.string.rawValue else { return false }
            offset += 1
            let length = Self.length(bytes, &offset)
            body(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]))
            return true
        }
    }

    /// Calls `body` with each member's key, as UTF-8 read in place, in order.
    public func forEachKey(_ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { bytes in
            Self.walkMembers(bytes) { key, _ in
                body(key)
                return true
            }
        }
    }

    /// Whether a member's value is `null`.
    public var hasNullMember: Bool {
        bytes.withUnsafeBytes { bytes in
            var found = false
            Self.walkMembers(bytes) { _, value in
                found = bytes[value] == Kind.null.rawValue
                return !found
            }
            return found
        }
    }

    public static func == (a: PackedObject, b: PackedObject) -> Bool { a.object == b.object }
    public func hash(into hasher: inout Hasher) { hasher.combine(object) }

    // MARK: Reading

    /// Where the value of member `key` starts (its kind byte), if there is one.
    @inline(__always)
    private func valueOffset(of key: String) -> Int? {
        Self.withUTF8(of: key) { valueOffset(ofKeyUTF8: $0) }
    }

    /// Calls `body` with `text`'s UTF-8, read in place; a string not stored as UTF-8 is made
    /// contiguous first.
    @inline(__always)
    private static func withUTF8<Answer>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Answer) -> Answer {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }

    /// Where the value of the member whose key is `wanted` starts, if there is one.
    private func valueOffset(ofKeyUTF8 wanted: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBytes { Self.valueOffset(ofKeyUTF8: wanted, in: $0) }
    }

    /// Where, in the packed `bytes`, the value of the member whose key is `wanted` starts.
    @inline(__always)
    fileprivate static func valueOffset(ofKeyUTF8 wanted: UnsafeBufferPointer<UInt8>, in bytes: UnsafeRawBufferPointer) -> Int? {
        var found: Int?
        walkMembers(bytes) { key, value in
            if key.count == wanted.count, equal(key.baseAddress!, wanted, count: key.count) { found = value }
            return found == nil
        }
        return found
    }

    /// Calls `body` with each member's key (its UTF-8, in place) and where its value starts (its
    /// kind byte), in order, for as long as `body` returns true.
    @inline(__always)
    private static func walkMembers(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, _ value: Int) -> Bool) {
        var offset = 0
        while offset < bytes.count {
            let keyLength = length(bytes, &offset)
            let value = offset + keyLength
            guard body(UnsafeRawBufferPointer(rebasing: bytes[offset..<value]), value) else { return }
            offset = value
            skipValue(bytes, &offset)
        }
    }

    /// Whether the `count` bytes at `a` and `b` are the same: eight at a time, then one by one.
    @inline(__always)
    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
        guard let b = b.baseAddress.map(UnsafeRawPointer.init) else { return count == 0 }
        var index = 0
        while index &+ 8 <= count {
            if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index &+= 8
        }
        while index < count {
            if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) { return false }
            index &+= 1
        }
        return true
    }

    /// The value whose kind byte is at `offset`; moves `offset` past it.
    private func value(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> Value {
        let kind = Kind(rawValue: bytes[offset])
        offset += 1
        switch kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .string:
            let length = Self.length(bytes, &offset)
            defer { offset += length }
            return .string(Self.string(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])))
        case .plainNumber:
            let fractionDigits = Int(bytes[offset])
            offset += 1
            return .number(Value.Number(Double(bitPattern: Self.word(bytes, &offset)), plainFractionDigits: fractionDigits))
        case .computedNumber: return .number(Value.Number(Double(bitPattern: Self.word(bytes, &offset))))
        case .timestamp: return .timestamp(Int64(bitPattern: Self.word(bytes, &offset)))
        case .duration: return .duration(Int64(bitPattern: Self.word(bytes, &offset)))
        case .boxed: return boxed[Self.length(bytes, &offset)]
        case nil: preconditionFailure("PackedObject: unknown kind byte")
        }
    }

    /// The string of `utf8`: a short ASCII one made in its small form (see `SmallASCIIString`).
    @inline(__always)
    private static func string(_ utf8: UnsafeRawBufferPointer) -> String {
        if utf8.count <= 15, SmallASCIIString.isVerified {
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: utf8) }
            if let small = SmallASCIIString.make(UInt64(littleEndian: words.0), UInt64(littleEndian: words.1), count: utf8.count) {
                return small
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Moves `offset` past the value whose kind byte is there.
    @inline(__always)
    private static func skipValue(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) {
        let kind = Kind(rawValue: bytes[offset])
        offset += 1
        switch kind {
        case .null, .false, .true: break
        case .string: offset += length(bytes, &offset)
        case .plainNumber: offset += 9
        case .computedNumber, .timestamp, .duration: offset += 8
        case .boxed: _ = length(bytes, &offset)
        case nil: preconditionFailure("PackedObject: unknown kind byte")
        }
    }

    /// The LEB128 number at `offset`; moves `offset` past it.
    @inline(__always)
    private static func length(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> Int {
        var value = 0
        var shift = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> UInt64 {
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    // MARK: Writing

    /// Writes `value`: its kind byte, then what follows it.
    @inline(__always)
    fileprivate static func encode(_ value: borrowing Value, into sink: inout PackedWriter) {
        switch value {
        case .null: sink.put(Kind.null.rawValue)
        case .bool(let flag): sink.put((flag ? Kind.true : Kind.false).rawValue)
        case .string(let text):
            withUTF8(of: text) { encodeString($0, into: &sink) }
        case .number(let number):
            switch number.spelling {
            case .plain(let fractionDigits):
                sink.put(Kind.plainNumber.rawValue)
                sink.put(fractionDigits)
                sink.putWord(number.double.bitPattern)
            case .computed:
                sink.put(Kind.computedNumber.rawValue)
                sink.putWord(number.double.bitPattern)
            case .written:
                box(copy value, into: &sink)
            }
        case .timestamp(let milliseconds):
            sink.put(Kind.timestamp.rawValue)
            sink.putWord(UInt64(bitPattern: milliseconds))
        case .duration(let milliseconds):
            sink.put(Kind.duration.rawValue)
            sink.putWord(UInt64(bitPattern: milliseconds))
        case .list, .object:
            box(copy value, into: &sink)
        }
    }

    /// Writes a string value from its UTF-8.
    @inline(__always)
    fileprivate static func encodeString(_ utf8: UnsafeBufferPointer<UInt8>, into sink: inout PackedWriter) {
        sink.put(Kind.string.rawValue)
        writeBytes(utf8, into: &sink)
    }

    private static func box(_ value: Value, into sink: inout PackedWriter) {
        sink.reserve(1 + maxLengthBytes)
        sink.putReserved(Kind.boxed.rawValue)
        putLength(sink.box(value), intoReserved: &sink)
    }

    /// Writes a key or string's UTF-8: its length, then its bytes.
    @inline(__always)
    fileprivate static func writeBytes(_ utf8: UnsafeBufferPointer<UInt8>, into sink: inout PackedWriter) {
        sink.reserve(maxLengthBytes + utf8.count)
        putLength(utf8.count, intoReserved: &sink)
        sink.putReserved(UnsafeRawBufferPointer(utf8))
    }

    /// The most bytes `putLength` writes.
    private static var maxLengthBytes: Int { 10 }

    /// Writes `length` as LEB128 into room reserved for it (`maxLengthBytes`).
    @inline(__always)
    private static func putLength(_ length: Int, intoReserved sink: inout PackedWriter) {
        var rest = UInt(length)
        while rest >= 0x80 {
            sink.putReserved(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        sink.putReserved(UInt8(rest))
    }
}

/// Writes packed bytes into room of `capacity` bytes at `base`, moving them to memory of its own,
/// twice as large, whenever the room is full (`owned` says whether `base` is such memory).
private struct PackedWriter: ~Copyable { // not copyable: it may own the memory it writes to
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var owned: Bool
    private(set) var count = 0
    /// The values kept whole, in the order of their indices.
    private(set) var boxed: [Value] = []

    init(room base: UnsafeMutablePointer<UInt8>, capacity: Int, owned: Bool) {
        self.base = base
        self.capacity = capacity
        self.owned = owned
    }

    /// The object written so far.
    func packed() -> PackedObject {
        PackedObject(bytes: [UInt8](UnsafeBufferPointer(start: base, count: count)), boxed: boxed)
    }

    /// Forgets what was written, keeping the room.
    mutating func removeAll() {
        count = 0
        // A new array, not this one emptied: the object written last shares this one, and
        // emptying it would make a copy as large as the most this writer ever boxed.
        if !boxed.isEmpty { boxed = [] }
    }

    /// Frees the memory the writer moved to, if it moved.
    func deallocateOwned() {
        if owned { base.deallocate() }
    }

    /// Calls `body` with the bytes written so far.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(UnsafeRawBufferPointer(start: base, count: count))
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        base[count] = byte
        count += 1
    }

    /// Makes room for `additional` more bytes, for the `putReserved` calls that follow.
    @inline(__always)
    mutating func reserve(_ additional: Int) {
        if count + additional > capacity { grow(toHold: additional) }
    }

    @inline(__always)
    mutating func putReserved(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func putReserved(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        ShortCopy.copy(from: source, count: bytes.count, to: base + count)
        count += bytes.count
    }

    @inline(__always)
    mutating func putWord(_ word: UInt64) {
        if count + 8 > capacity { grow(toHold: 8) }
        UnsafeMutableRawPointer(base + count).storeBytes(of: word.littleEndian, as: UInt64.self)
        count += 8
    }

    /// Keeps `value` whole; returns its index.
    mutating func box(_ value: Value) -> Int {
        boxed.append(value)
        return boxed.count - 1
    }

    private mutating func grow(toHold extra: Int) {
        let larger = Swift.max(capacity * 2, count + extra, 64)
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        memory.initialize(from: base, count: count)
        deallocateOwned()
        base = memory
        capacity = larger
        owned = true
    }
}

/// Packs an object member by member, from the bytes a parser has in hand, with no `Value` or
/// `String` made for a string member: how the event log's reader packs event properties and
/// traits. One builder packs one object at a time and keeps its memory from one object to the
/// next.
package final class PackedObjectBuilder {
    // Only this class's methods touch these, never two at once: no run-time exclusivity checks.
    @exclusivity(unchecked) private var writer: PackedWriter
    /// How many members were added since `begin`.
    @exclusivity(unchecked) package private(set) var memberCount = 0
    /// One bit per key added since `begin` (`keyBit`): a key whose bit is clear is not there,
    /// found without walking the members.
    @exclusivity(unchecked) private var keyBits: UInt64 = 0

    package init() {
        let capacity = 256
        writer = PackedWriter(room: .allocate(capacity: capacity), capacity: capacity, owned: true)
    }

    deinit {
        writer.deallocateOwned()
    }

    /// Starts a new object, with no members.
    package func begin() {
        writer.removeAll()
        memberCount = 0
        keyBits = 0
    }

    /// Whether a member added since `begin` has the key whose UTF-8 is `key`.
    package func containsKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard keyBits & Self.keyBit(key) != 0 else { return false }
        return writer.withBytes { PackedObject.valueOffset(ofKeyUTF8: key, in: $0) != nil }
    }

    /// Adds a member with the string value `value`; `key` must not be in the object yet.
    package func add(key: UnsafeBufferPointer<UInt8>, string value: UnsafeBufferPointer<UInt8>) {
        keyBits |= Self.keyBit(key)
        PackedObject.writeBytes(key, into: &writer)
        PackedObject.encodeString(value, into: &writer)
        memberCount += 1
    }

    /// Adds a member with the value `value`; `key` must not be in the object yet.
    package func add(key: UnsafeBufferPointer<UInt8>, value: Value) {
        keyBits |= Self.keyBit(key)
        PackedObject.writeBytes(key, into: &writer)
        PackedObject.encode(value, into: &writer)
        memberCount += 1
    }

    /// One of 64 bits, from the key's length and its first and last bytes.
    @inline(__always)
    private static func keyBit(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let ends = key.isEmpty ? 0 : UInt64(key[0]) &* 5 &+ UInt64(key[key.count - 1])
        return 1 << ((UInt64(key.count) &* 11 &+ ends) & 63)
    }

    /// The object of the members added since `begin`.
    package func build() -> PackedObject {
        writer.packed()
    }
}
