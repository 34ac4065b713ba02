import FlowSyntax

/// A growable byte buffer written through a pointer, for output assembled from many short
/// pieces (`flowc run --json` lines): an append is a capacity check and a copy, where appending
/// to an `[UInt8]` also pays for uniqueness checks and generic sequence handling.
public struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes the buffer holds.
    public private(set) var count = 0

    public init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Calls `body` with the bytes written so far (valid only during the call).
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes written, keeping the memory.
    public mutating func removeAll() { count = 0 }

    /// Makes room for `additional` more bytes.
    @inline(__always)
    mutating func reserve(_ additional: Int) {
        guard count + additional > capacity else { return }
        var newCapacity = capacity * 2
        while count + additional > newCapacity { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    public mutating func append(_ text: StaticString) {
        reserve(text.utf8CodeUnitCount)
        Self.copyBytes(from: text.utf8Start, count: text.utf8CodeUnitCount, to: base + count)
        count += text.utf8CodeUnitCount
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        Self.copyBytes(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count, to: base + count)
        count += bytes.count
    }

    /// Drops the bytes written after the first `count` (undoes appends that turned out wrong).
    public mutating func truncate(toCount count: Int) {
        precondition(0 <= count && count <= self.count, "ByteBuffer.truncate past its bytes")
        self.count = count
    }

    /// `text` as a JSON string: quoted, with `"`, `\` and control characters escaped and
    /// everything else kept as UTF-8 (the same text `JSONWriter.appendQuoted` writes).
    public mutating func appendQuoted(_ text: String) {
        appendMember("", quoted: text)
    }

    /// `text` escaped as the inside of a JSON string, without quotes: a JSON string written in
    /// pieces is the same as the whole written by `appendQuoted`.
    public mutating func appendJSONEscaped(_ text: String) {
        withUTF8(of: text) { buffer, bytes in
            buffer.reserve(Self.escapedRoom(bytes.count))
            buffer.writeEscaped(bytes)
        }
    }

    /// `key` (raw JSON, like `,"flow":`), then `text` as a JSON string: a record's member in one
    /// go, with one check for room.
    public mutating func appendMember(_ key: StaticString, quoted text: String) {
        withUTF8(of: text) { buffer, bytes in buffer.appendMember(key, quotedUTF8: bytes) }
    }

    /// `key` (raw JSON), then the text of the UTF-8 `bytes` as a JSON string.
    public mutating func appendMember(_ key: StaticString, quotedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let keyLength = key.utf8CodeUnitCount
        reserve(keyLength + 1 + Self.escapedRoom(bytes.count))
        Self.copyBytes(from: key.utf8Start, count: keyLength, to: base + count)
        base[count + keyLength] = UInt8(ascii: "\"")
        count += keyLength + 1
        writeEscaped(bytes)
        base[count] = UInt8(ascii: "\"")
        count += 1
    }

    /// Calls `body` with `text`'s UTF-8, read in place; a bridged or lazily stored string is
    /// made contiguous first.
    @inline(__always)
    private mutating func withUTF8(of text: String, _ body: (inout ByteBuffer, UnsafeBufferPointer<UInt8>) -> Void) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ body(&self, $0) }) { return done }
        var copy = text
        copy.withUTF8 { body(&self, $0) }
    }

    /// Room `writeEscaped` needs for `length` bytes: every byte escaped as \u00XX at worst, 8
    /// bytes of slack for reading whole words, and one more for a closing quote.
    @inline(__always)
    private static func escapedRoom(_ length: Int) -> Int { 6 * length + 9 }

    /// Writes `bytes` escaped into room already reserved (`escapedRoom`).
    @inline(__always)
    private mutating func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        // Copied, then checked where it landed: escapes are rare.
        Self.copyBytes(from: source, count: length, to: base + count)
        if Self.anyNeedsEscape(base + count, count: length) {
            for byte in bytes { appendEscaped(byte) }
        } else {
            count += length
        }
    }

    /// Whether any of the `count` bytes at `start` must be escaped, 8 bytes at a time. Reads
    /// whole words, so up to 7 bytes past the end must be readable (reserved capacity, perhaps
    /// never written: those bytes are masked out before they are looked at).
    @inline(__always)
    private static func anyNeedsEscape(_ start: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        var index = 0
        while index < count {
            var word = UInt64(littleEndian: UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
            let left = count - index
            if left < 8 { // bytes past the end read as plain letters
                let kept: UInt64 = (1 << (8 * UInt64(left))) - 1
                word = word & kept | (ones &* 0x41) & ~kept
            }
            if wordNeedsEscape(word) { return true }
            index += 8
        }
        return false
    }

    /// Copies `count` bytes (see `ShortCopy`).
    @inline(__always)
    private static func copyBytes(from source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>) {
        ShortCopy.copy(from: source, count: count, to: target)
    }

    /// Whether a byte of `word` is `"`, `\` or below 0x20 (exact: borrows only follow a hit).
    @inline(__always)
    private static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & (ones &* 0x80) != 0
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// One byte of a JSON string's contents (room reserved by the caller).
    private mutating func appendEscaped(_ byte: UInt8) {
        guard Self.needsEscape(byte) else {
            base[count] = byte
            count += 1
            return
        }
        let escape: UInt8? = switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
        base[count] = UInt8(ascii: "\\")
        if let escape {
            base[count + 1] = escape
            count += 2
        } else {
            let digits: StaticString = "0123456789abcdef"
            (base + count + 1).initialize(from: ("u00" as StaticString).utf8Start, count: 3)
            base[count + 4] = digits.utf8Start[Int(byte >> 4)]
            base[count + 5] = digits.utf8Start[Int(byte & 0x0F)]
            count += 6
        }
    }
}
