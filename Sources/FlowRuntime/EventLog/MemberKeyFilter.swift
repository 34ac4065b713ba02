import FlowSyntax

/// Which members of an object the reader builds (`EventLogOptions.traitsWanted`,
/// `propertyKeysWanted`): those whose key is in a set. A key made by `StringMaker` is mostly a
/// small ASCII string, whose two words are its bytes: it is found in a small open-addressing
/// table of the wanted keys' words, one multiply and a probe or two, with no hashing of bytes.
/// Other keys, and every key when a wanted key is not small ASCII (`"\u{212A}"`, the Kelvin
/// sign, equals `"K"` as a `String`), go through the `Set`.
final class MemberKeyFilter {
    private let wanted: Set<String>
    /// The wanted keys' words at `StringWords.slot`, probed linearly; empty slots are zero
    /// (no string's words are). Memory of its own: an array would be retained on every look-up.
    private let table: UnsafeMutablePointer<StringWords>
    private let tableBits: Int
    private let onlySmallASCIIWanted: Bool

    init(_ wanted: Set<String>) {
        self.wanted = wanted
        let words = StringWords.available ? wanted.map(StringWords.init) : []
        onlySmallASCIIWanted = StringWords.available && words.allSatisfy(\.isSmallASCII)
        // At most a quarter full.
        tableBits = max(3, (words.count * 4).bitWidth - (words.count * 4).leadingZeroBitCount)
        table = .allocate(capacity: 1 << tableBits)
        table.initialize(repeating: .zero, count: 1 << tableBits)
        for key in words where onlySmallASCIIWanted {
            var slot = key.slot(bits: tableBits)
            while table[slot] != .zero { slot = (slot + 1) & (1 << tableBits - 1) }
            table[slot] = key
        }
    }

    deinit {
        table.deallocate()
    }

    /// Whether the member whose key is `key` is built.
    @inline(__always)
    func keeps(_ key: String) -> Bool {
        // `isSmallASCII` without its start-up check, which `onlySmallASCIIWanted` implies.
        guard onlySmallASCIIWanted, case let words = StringWords(key), words.high >> 60 == SmallASCIIString.marker
        else { return wanted.contains(key) }
        var slot = words.slot(bits: tableBits)
        while true {
            let entry = table[slot]
            if entry == words { return true }
            if entry == .zero { return false }
            slot = (slot + 1) & (1 << tableBits - 1)
        }
    }
}
