/// A small cache keyed by the two words of a `String`: a small string's bytes, or the pointer to
/// a large one's storage. The reader hands out one string for each repeated name or value it
/// sees often (event names, trait values it caches), so a repeated key has the same words and is
/// found without hashing its characters. A slot keeps its key alive, so equal words always mean
/// the same text; a key seen in another form simply misses and is made again.
///
/// Two slots to a set, the newest key first: direct-mapped, two hot keys landing in one slot
/// (where a large string's storage happens to be, so from one run to the next) evicted each
/// other on every look-up, and each miss hashed the key.
struct StringBitsCache<Value> {
    private struct Slot {
        var words: StringWords
        var key: String
        var value: Value
    }

    private let setBits: Int
    private var slots: [Slot?]

    /// A cache of `1 << setBits` sets of two slots.
    init(setBits: Int) {
        self.setBits = setBits
        slots = Array(repeating: nil, count: 2 << setBits)
    }

    /// The value cached for `key`, else the one `make` gives, cached from now on (the set's
    /// older key makes room). Inlined: called on its own, it copied the value out once more.
    @inline(__always)
    mutating func value(for key: String, orMake make: (String) -> Value) -> Value {
        guard StringWords.available else { return make(key) }
        let words = StringWords(key)
        let first = 2 * words.slot(bits: setBits)
        if let cached = slots[first], cached.words == words { return cached.value }
        if let cached = slots[first + 1], cached.words == words { return cached.value }
        let value = make(key)
        slots[first + 1] = slots[first].take()
        slots[first] = Slot(words: words, key: key, value: value)
        return value
    }
}
