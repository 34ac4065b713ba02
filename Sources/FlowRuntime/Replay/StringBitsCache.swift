/// A small direct-mapped cache keyed by the two words of a `String`: a small string's bytes, or
/// the pointer to a large one's storage. The reader hands out one string for each repeated name
/// or value it sees often (event names, trait values it caches), so a repeated key has the same
/// words and is found without hashing its characters. A slot keeps its key alive, so equal words
/// always mean the same text; a key seen in another form simply misses and is made again.
struct StringBitsCache<Value> {
    private struct Slot {
        var words: StringWords
        var key: String
        var value: Value
    }

    private let slotBits: Int
    private var slots: [Slot?]

    init(slotBits: Int) {
        self.slotBits = slotBits
        slots = Array(repeating: nil, count: 1 << slotBits)
    }

    /// The value cached for `key`, else the one `make` gives, cached from now on.
    mutating func value(for key: String, orMake make: (String) -> Value) -> Value {
        guard StringWords.available else { return make(key) }
        let words = StringWords(key)
        let slot = words.slot(bits: slotBits)
        if let cached = slots[slot], cached.words == words { return cached.value }
        let value = make(key)
        slots[slot] = Slot(words: words, key: key, value: value)
        return value
    }
}
