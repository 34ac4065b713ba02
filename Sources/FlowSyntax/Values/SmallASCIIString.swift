/// Short ASCII strings made straight in Swift's small-string form: on 64-bit platforms a string
/// of up to 15 ASCII bytes is two words that hold the bytes, with `0xE0 | count` in the top byte.
/// Made so, a string skips UTF-8 validation and the standard library's general path, which
/// cost more than the rest of a short string's read (the event log's reader, packed objects).
/// The form is checked against the standard library once (`isVerified`); without it, callers
/// make strings the usual way.
public enum SmallASCIIString {
    /// The top 4 bits of a small ASCII string's second word (immortal, ASCII, small); no other
    /// kind of string has all three set.
    public static let marker: UInt64 = 0xE

    /// Whether `make` makes exactly what the standard library makes, here (checked once).
    public static let isVerified: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let sample = Array("abcdefghijklmno".utf8)
        return (0...15).allSatisfy { count in
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: sample[..<count]) }
            let made = String(decoding: sample[..<count], as: UTF8.self)
            guard let small = make(UInt64(littleEndian: words.0), UInt64(littleEndian: words.1), count: count) else { return false }
            return unsafeBitCast(made, to: (UInt64, UInt64).self) == unsafeBitCast(small, to: (UInt64, UInt64).self)
        }
    }()

    /// The string of the `count` bytes (at most 15) in `low` and `high`, little-endian and zero
    /// past `count`; nil unless they are all ASCII. Only for use when `isVerified`.
    @inlinable @inline(__always)
    public static func make(_ low: UInt64, _ high: UInt64, count: Int) -> String? {
        guard count <= 15, (low | high) & 0x8080_8080_8080_8080 == 0, MemoryLayout<String>.size == 16 else { return nil }
        let discriminator = (marker << 4 | UInt64(truncatingIfNeeded: count)) << 56
        // Moved out of memory holding its words: a bit cast would copy it, calling into the
        // runtime to retain what a small string does not need retained.
        return withUnsafeTemporaryAllocation(of: String.self, capacity: 1) { slot in
            let words = UnsafeMutableRawPointer(slot.baseAddress.unsafelyUnwrapped)
            words.storeBytes(of: low, as: UInt64.self)
            words.storeBytes(of: high | discriminator, toByteOffset: 8, as: UInt64.self)
            return slot.baseAddress.unsafelyUnwrapped.move()
        }
    }
}
