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
        (base + count).initialize(from: text.utf8Start, count: text.utf8CodeUnitCount)
        count += text.utf8CodeUnitCount
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    /// `text` as a JSON string: quoted, with `"`, `\` and control characters escaped and
    /// everything else kept as UTF-8 (the same text `JSONWriter.appendQuoted` writes).
    public mutating func appendQuoted(_ text: String) {
        let length = text.utf8.count
        reserve(2 + 6 * length) // every byte escaped as \u00XX at worst
        base[count] = UInt8(ascii: "\"")
        let start = count + 1
        // Copied in one piece by the string, then checked: escapes are rare.
        let copied = UnsafeMutableBufferPointer(start: base + start, count: length).initialize(fromContentsOf: text.utf8)
        if UnsafeBufferPointer(start: base + start, count: copied).contains(where: Self.needsEscape) {
            count = start
            for byte in text.utf8 { appendEscaped(byte) }
        } else {
            count = start + copied
        }
        base[count] = UInt8(ascii: "\"")
        count += 1
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
