/// Makes `String`s from validated UTF-8 in the input, faster than `String(decoding:as:)` for the
/// short strings event logs are full of:
///
/// - ASCII of up to 15 bytes is written straight in Swift's small-string form (two words, no
///   allocation, no second validation), once a self-check at start-up has confirmed that form;
/// - up to `cachedLength` bytes, a cache of recent strings returns the one made before, so a key
///   or name that repeats from line to line (`"Checkout Started"`) is decoded once and shared;
/// - longer strings are made the usual way.
///
/// The cache is a `ShortBytesCache`: direct-mapped, never growing.
final class StringMaker {
    static let cachedLength = ShortBytes.maxCount

    private let cache = ShortBytesCache(bits: 8, placeholder: "")
    /// Whether `smallASCII` makes exactly what the standard library makes (checked once).
    private let smallFormVerified = StringMaker.smallFormVerified

    /// The string of `input[start..<start + count]`, which must be valid UTF-8.
    @inline(__always)
    func string(in input: UnsafeBufferPointer<UInt8>, start: Int, count: Int) -> String {
        // The common case inline: short ASCII with 16 readable bytes from `start`.
        if count <= 15, smallFormVerified, let base = input.baseAddress, start + 16 <= input.count {
            let raw = UnsafeRawPointer(base + start)
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & ShortBytes.lowBytesMask(count)
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                & ShortBytes.lowBytesMask(count - 8)
            if let small = StringMaker.smallASCII(low, high, count: count) { return small }
        }
        return madeOrCachedString(in: input, start: start, count: count)
    }

    private func madeOrCachedString(in input: UnsafeBufferPointer<UInt8>, start: Int, count: Int) -> String {
        guard count <= StringMaker.cachedLength else {
            return String(decoding: UnsafeBufferPointer(rebasing: input[start..<start + count]), as: UTF8.self)
        }
        let key = ShortBytes(input, start: start, count: count)
        if count <= 15, smallFormVerified, let small = StringMaker.smallASCII(key.words.0, key.words.1, count: count) {
            return small
        }
        return cache.value(for: key) {
            String(decoding: UnsafeBufferPointer(rebasing: input[start..<start + count]), as: UTF8.self)
        }
    }

    // MARK: Small strings

    /// A small string of ASCII bytes in `low` and `high` (at most 15): on 64-bit platforms its
    /// two words are the bytes themselves, with `0xE0 | count` in the top byte.
    @inline(__always)
    private static func smallASCII(_ low: UInt64, _ high: UInt64, count: Int) -> String? {
        guard (low | high) & 0x8080_8080_8080_8080 == 0, MemoryLayout<String>.size == 16 else { return nil }
        let discriminator = (smallASCIIMarker << 4 | UInt64(truncatingIfNeeded: count)) << 56
        // Moved out of memory holding its words: a bit cast would copy it, calling into the
        // runtime to retain what a small string does not need retained.
        return withUnsafeTemporaryAllocation(of: String.self, capacity: 1) { slot in
            let words = UnsafeMutableRawPointer(slot.baseAddress.unsafelyUnwrapped)
            words.storeBytes(of: low, as: UInt64.self)
            words.storeBytes(of: high | discriminator, toByteOffset: 8, as: UInt64.self)
            return slot.baseAddress.unsafelyUnwrapped.move()
        }
    }

    /// The top 4 bits of a small ASCII string's second word (immortal, ASCII, small); no other
    /// kind of string has all three set.
    static let smallASCIIMarker: UInt64 = 0xE

    /// Whether `smallASCII` makes exactly what the standard library makes (checked once).
    static let smallFormVerified: Bool = {
        let sample = Array("abcdefghijklmno".utf8)
        return sample.withUnsafeBufferPointer { sample in
            (0...15).allSatisfy { count in
                let made = String(decoding: UnsafeBufferPointer(rebasing: sample[..<count]), as: UTF8.self)
                let key = ShortBytes(sample, start: 0, count: count)
                guard MemoryLayout<String>.size == 16, let small = smallASCII(key.words.0, key.words.1, count: count) else {
                    return false
                }
                return unsafeBitCast(made, to: (UInt64, UInt64).self) == unsafeBitCast(small, to: (UInt64, UInt64).self)
            }
        }
    }()
}
