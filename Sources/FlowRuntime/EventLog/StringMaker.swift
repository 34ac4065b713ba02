/// Makes `String`s from validated UTF-8 in the input, faster than `String(decoding:as:)` for the
/// short strings event logs are full of:
///
/// - ASCII of up to 15 bytes is written straight in Swift's small-string form (two words, no
///   allocation, no second validation), once a self-check at start-up has confirmed that form;
/// - up to `cachedLength` bytes, a cache of recent strings returns the one made before, so a key
///   or name that repeats from line to line (`"Checkout Started"`) is decoded once and shared;
/// - longer strings are made the usual way.
///
/// The cache is direct-mapped: each slot holds the last string whose bytes hashed to it, so a
/// lookup is one hash and one comparison of four words, and the cache never grows.
final class StringMaker {
    static let cachedLength = 32
    private static let slotCount = 256

    /// Up to 32 bytes, zero-padded, in little-endian words.
    private typealias Words = (UInt64, UInt64, UInt64, UInt64)

    private struct Slot {
        var words: Words
        /// -1 for an empty slot.
        var length: Int
        var string: String
    }

    private let slots: UnsafeMutablePointer<Slot>
    /// Whether `smallASCII` makes exactly what the standard library makes (checked once).
    private let smallFormVerified = StringMaker.smallFormVerified

    init() {
        slots = .allocate(capacity: StringMaker.slotCount)
        slots.initialize(repeating: Slot(words: (0, 0, 0, 0), length: -1, string: ""), count: StringMaker.slotCount)
    }

    deinit {
        slots.deinitialize(count: StringMaker.slotCount)
        slots.deallocate()
    }

    /// The string of `input[start..<start + count]`, which must be valid UTF-8.
    @inline(__always)
    func string(in input: UnsafeBufferPointer<UInt8>, start: Int, count: Int) -> String {
        // The common case inline: short ASCII with 16 readable bytes from `start`.
        if count <= 15, smallFormVerified, let base = input.baseAddress, start + 16 <= input.count {
            let raw = UnsafeRawPointer(base + start)
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & StringMaker.lowBytesMask(count)
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                & StringMaker.lowBytesMask(count - 8)
            if let small = StringMaker.smallASCII((low, high, 0, 0), count: count) { return small }
        }
        return madeOrCachedString(in: input, start: start, count: count)
    }

    private func madeOrCachedString(in input: UnsafeBufferPointer<UInt8>, start: Int, count: Int) -> String {
        guard count <= StringMaker.cachedLength else {
            return String(decoding: UnsafeBufferPointer(rebasing: input[start..<start + count]), as: UTF8.self)
        }
        let words = StringMaker.words(in: input, start: start, count: count)
        if count <= 15, smallFormVerified, let small = StringMaker.smallASCII(words, count: count) {
            return small
        }
        let slot = slots + StringMaker.slot(for: words, count: count)
        if slot.pointee.length == count, slot.pointee.words == words { return slot.pointee.string }
        let string = String(decoding: UnsafeBufferPointer(rebasing: input[start..<start + count]), as: UTF8.self)
        slot.pointee = Slot(words: words, length: count, string: string)
        return string
    }

    /// A mask of the low `count` bytes of a word (none for `count` ≤ 0, all for ≥ 8).
    @inline(__always)
    private static func lowBytesMask(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : count <= 0 ? 0 : (1 &<< UInt64(8 * count)) &- 1
    }

    // MARK: Small strings

    /// A small string of ASCII `words` (at most 15 bytes): on 64-bit platforms its two words are
    /// the bytes themselves, with `0xE0 | count` in the top byte.
    @inline(__always)
    private static func smallASCII(_ words: Words, count: Int) -> String? {
        guard (words.0 | words.1) & 0x8080_8080_8080_8080 == 0, MemoryLayout<String>.size == 16 else { return nil }
        let discriminator = (0xE0 | UInt64(truncatingIfNeeded: count)) << 56
        return unsafeBitCast((words.0, words.1 | discriminator), to: String.self)
    }

    private static let smallFormVerified: Bool = {
        let sample = Array("abcdefghijklmno".utf8)
        return sample.withUnsafeBufferPointer { sample in
            (0...15).allSatisfy { count in
                let made = String(decoding: UnsafeBufferPointer(rebasing: sample[..<count]), as: UTF8.self)
                guard MemoryLayout<String>.size == 16,
                      let small = smallASCII(words(in: sample, start: 0, count: count), count: count)
                else { return false }
                return unsafeBitCast(made, to: (UInt64, UInt64).self) == unsafeBitCast(small, to: (UInt64, UInt64).self)
            }
        }
    }()

    // MARK: Words

    /// `input[start..<start + count]` (`count` at most 32) zero-padded into words.
    @inline(__always)
    private static func words(in input: UnsafeBufferPointer<UInt8>, start: Int, count: Int) -> Words {
        guard let base = input.baseAddress, start + 32 <= input.count else {
            var words: Words = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &words) {
                $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[start..<start + count])))
            }
            return words
        }
        let raw = UnsafeRawPointer(base + start)
        @inline(__always) func word(_ index: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
                & lowBytesMask(count - 8 * index)
        }
        return (word(0), word(1), word(2), word(3))
    }

    @inline(__always)
    private static func slot(for words: Words, count: Int) -> Int {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (UInt64(truncatingIfNeeded: count) ^ words.0) &* multiplier
        hash = (hash ^ words.1 ^ (hash >> 29)) &* multiplier
        hash = (hash ^ words.2 ^ words.3 ^ (hash >> 29)) &* multiplier
        return Int(truncatingIfNeeded: hash >> 56) & (slotCount - 1)
    }
}
