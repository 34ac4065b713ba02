import FlowSyntax

/// A `String`'s two words on a 64-bit platform: a small string's UTF-8 bytes with its count and
/// flags in the top byte, or a large string's count, flags and storage address. Equal words
/// mean the same string value, as long as that string is kept alive; different words can still
/// be equal strings.
struct StringWords: Equatable {
    let low: UInt64
    let high: UInt64

    /// Whether strings are two words here; check before making any.
    static var available: Bool { MemoryLayout<String>.size == 16 }

    init(_ string: String) {
        (low, high) = unsafeBitCast(string, to: (UInt64, UInt64).self)
    }

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Zero words, which no string has: a marker for an empty slot.
    static let zero = StringWords(low: 0, high: 0)

    /// Whether the string is small and ASCII in the layout `StringMaker` verified at start-up:
    /// its words are then its bytes, zero-padded, with the count in the top byte.
    var isSmallASCII: Bool {
        SmallASCIIString.isVerified && high >> 60 == SmallASCIIString.marker
    }

    /// One of `1 << bits` slots of a direct-mapped cache, with `extra` mixed in.
    @inline(__always)
    func slot(bits: Int, mixing extra: UInt64 = 0) -> Int {
        Int(truncatingIfNeeded: ((low ^ high ^ extra) &* 0x9E37_79B9_7F4A_7C15) >> (64 - UInt64(bits)))
    }
}
