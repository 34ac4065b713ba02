/// Up to 32 bytes of input, zero-padded into four words: a key for the reader's small caches
/// (`StringMaker`, `EventNames`) that compares and hashes in a few instructions.
struct ShortBytes {
    static let maxCount = 32

    /// Little-endian words, zero past `count`.
    private(set) var words: (UInt64, UInt64, UInt64, UInt64)
    private(set) var count: Int

    /// A key no input makes (for empty cache slots).
    static let none = ShortBytes(words: (0, 0, 0, 0), count: -1)

    private init(words: (UInt64, UInt64, UInt64, UInt64), count: Int) {
        self.words = words
        self.count = count
    }

    /// `input[start..<start + count]`; `count` must be at most `maxCount`.
    @inline(__always)
    init(_ input: UnsafeBufferPointer<UInt8>, start: Int, count: Int) {
        self.count = count
        guard let base = input.baseAddress, start + ShortBytes.maxCount <= input.count else {
            words = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &words) {
                $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[start..<start + count])))
            }
            return
        }
        let raw = UnsafeRawPointer(base + start)
        @inline(__always) func word(_ index: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
                & ShortBytes.lowBytesMask(count - 8 * index)
        }
        words = (word(0), word(1), word(2), word(3))
    }

    /// A mask of the low `count` bytes of a word (none for `count` ≤ 0, all for ≥ 8).
    @inline(__always)
    static func lowBytesMask(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : count <= 0 ? 0 : (1 &<< UInt64(8 * count)) &- 1
    }

    @inline(__always)
    static func == (a: ShortBytes, b: ShortBytes) -> Bool {
        a.count == b.count && a.words == b.words
    }

    /// A slot among `1 << bits` (at most 8 bits) for a direct-mapped cache.
    @inline(__always)
    func slot(bits: Int) -> Int {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (UInt64(truncatingIfNeeded: count) ^ words.0) &* multiplier
        hash = (hash ^ words.1 ^ (hash >> 29)) &* multiplier
        hash = (hash ^ words.2 ^ words.3 ^ (hash >> 29)) &* multiplier
        return Int(truncatingIfNeeded: hash >> UInt64(64 - bits))
    }
}
