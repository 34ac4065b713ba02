/// Key-value pairs kept in an array, found by a linear search while there are a handful: far
/// less memory than a `Dictionary` for the few flows, event names and entry keys one contact
/// has state for. From `indexedCount` pairs on, a dictionary of positions keeps lookups O(1), so
/// a contact with thousands of entry keys stays fast.
struct SmallMap<Key: Hashable, Value> {
    private var pairs: [(key: Key, value: Value)] = []
    /// Positions in `pairs` by key, while there are at least `unindexedCount` pairs.
    private var positions: [Key: Int]?

    /// The index is built when the map grows to this many pairs ...
    static var indexedCount: Int { 16 }
    /// ... and dropped when it shrinks below this many (not at once: a map going back and forth
    /// around one size would rebuild it every time).
    static var unindexedCount: Int { 8 }

    var isEmpty: Bool { pairs.isEmpty }

    /// The values, in no particular order.
    var values: some Collection<Value> { pairs.lazy.map(\.value) }

    /// The value for `key`; setting nil removes the pair.
    subscript(key: Key) -> Value? {
        get { position(of: key).map { pairs[$0].value } }
        set {
            switch (position(of: key), newValue) {
            case (let index?, let value?): pairs[index].value = value
            case (let index?, nil): remove(at: index)
            case (nil, let value?): append(key, value)
            case (nil, nil): break
            }
        }
    }

    /// The value for `key`, created from `defaultValue` first when missing, changed in place.
    subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            // In place, so a value holding an array is not copied on every change.
            let index: Int
            if let found = position(of: key) {
                index = found
            } else {
                append(key, defaultValue())
                index = pairs.count - 1
            }
            yield &pairs[index].value
        }
    }

    private func position(of key: Key) -> Int? {
        if let positions { return positions[key] }
        return pairs.firstIndex { $0.key == key }
    }

    private mutating func append(_ key: Key, _ value: Value) {
        pairs.append((key, value))
        if positions != nil {
            positions?[key] = pairs.count - 1
        } else if pairs.count >= Self.indexedCount {
            var index: [Key: Int] = [:]
            index.reserveCapacity(pairs.count)
            for (position, pair) in pairs.enumerated() { index[pair.key] = position }
            positions = index
        }
    }

    /// Removes the pair at `index` by moving the last pair into its place.
    private mutating func remove(at index: Int) {
        positions?[pairs[index].key] = nil
        let last = pairs.removeLast()
        if index < pairs.count {
            pairs[index] = last
            positions?[last.key] = index
        }
        if pairs.count < Self.unindexedCount { positions = nil }
    }
}
