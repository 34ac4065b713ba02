/// A handful of key-value pairs kept in an array and found by a linear search: far less memory
/// than a `Dictionary` for the few flows and event names one contact has state for.
struct SmallMap<Key: Equatable, Value> {
    private var pairs: [(key: Key, value: Value)] = []

    var isEmpty: Bool { pairs.isEmpty }

    /// The values, in the order their keys were first set.
    var values: some Collection<Value> { pairs.lazy.map(\.value) }

    /// The value for `key`; setting nil removes the pair.
    subscript(key: Key) -> Value? {
        get {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }
        set {
            let index = pairs.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): pairs[index].value = value
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let value?): pairs.append((key, value))
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
            if let found = pairs.firstIndex(where: { $0.key == key }) {
                index = found
            } else {
                pairs.append((key, defaultValue()))
                index = pairs.count - 1
            }
            yield &pairs[index].value
        }
    }
}
