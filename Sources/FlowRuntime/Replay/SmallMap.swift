/// Key-value pairs kept in an array, found by a linear search while there are a handful: far
/// less memory than a `Dictionary` for the few flows and event names one contact has state for.
/// From `indexedCount` pairs on, an index of positions (`PositionIndex`) keeps lookups O(1), so
/// a contact with thousands of keys stays fast.
struct SmallMap<Key: Hashable, Value> {
    private var pairs: [(key: Key, value: Value)] = []
    /// Positions in `pairs` by key hash, while there are at least `unindexedCount` pairs.
    private var index: PositionIndex?

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
        if let index { return index.position(hash: key.hashValue) { pairs[$0].key == key } }
        return pairs.firstIndex { $0.key == key }
    }

    private mutating func append(_ key: Key, _ value: Value) {
        pairs.append((key, value))
        index.fileAppended(pairs.count - 1, hash: key.hashValue, indexedCount: Self.indexedCount) { pairs[$0].key.hashValue }
    }

    /// Removes the pair at `position` by moving the last pair into its place.
    private mutating func remove(at position: Int) {
        let last = pairs.count - 1
        if var index {
            self.index = nil // taken out while changed, so it is not copied
            index.remove(position, hash: pairs[position].key.hashValue) { pairs[$0].key.hashValue }
            if position < last { index.move(last, to: position, hash: pairs[last].key.hashValue) }
            self.index = pairs.count - 1 < Self.unindexedCount ? nil : index
        }
        pairs.swapAt(position, last)
        pairs.removeLast()
    }
}
