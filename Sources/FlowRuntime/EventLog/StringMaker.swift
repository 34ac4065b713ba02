import FlowSyntax

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
    /// Whether short ASCII strings are made in their small form (checked once).
    private let smallFormVerified = SmallASCIIString.isVerified

    /// The string of `input[start..<start + count]`, which must be valid UTF-8.
    @inline(__always)
    func string(in input: UnsafeBufferPointer<UInt8>, start: Int, count: Int) -> String {
        // The common case inline: short ASCII with 16 readable bytes from `start`.
        if count <= 15, smallFormVerified, let base = input.baseAddress, start + 16 <= input.count {
            let raw = UnsafeRawPointer(base + start)
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & ShortBytes.lowBytesMask(count)
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                & ShortBytes.lowBytesMask(count - 8)
            if let small = SmallASCIIString.make(low, high, count: count) { return small }
        }
        return madeOrCachedString(in: input, start: start, count: count)
    }

    private func madeOrCachedString(in input: UnsafeBufferPointer<UInt8>, start: Int, count: Int) -> String {
        guard count <= StringMaker.cachedLength else {
            return String(decoding: UnsafeBufferPointer(rebasing: input[start..<start + count]), as: UTF8.self)
        }
        let key = ShortBytes(input, start: start, count: count)
        if count <= 15, smallFormVerified, let small = SmallASCIIString.make(key.words.0, key.words.1, count: count) {
            return small
        }
        return cache.value(for: key) {
            String(decoding: UnsafeBufferPointer(rebasing: input[start..<start + count]), as: UTF8.self)
        }
    }
}
