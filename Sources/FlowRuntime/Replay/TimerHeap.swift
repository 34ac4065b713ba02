/// When a timer fires and where its payload is (see `TimerQueue`).
struct TimerKey {
    var due: Int64
    var sequence: UInt64
    /// The payload's slot in the queue.
    var slot: Int

    /// Whether this timer fires before `other`: earlier due time, then earlier scheduling.
    @inline(__always)
    func precedes(_ other: TimerKey) -> Bool {
        due != other.due ? due < other.due : sequence < other.sequence
    }
}

/// A min-heap of timer keys, four children to a node: half the levels of a binary heap, and
/// a node's children on adjacent cache lines.
struct TimerHeap {
    private static var arity: Int { 4 }

    private var keys: [TimerKey]

    /// A heap of `sorted`, which must be in `precedes` order (a sorted array is a heap).
    init(sorted: [TimerKey] = []) {
        keys = sorted
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }
    /// The earliest timer.
    var first: TimerKey? { keys.first }

    mutating func push(_ key: TimerKey) {
        keys.append(key)
        keys.withUnsafeMutableBufferPointer { keys in
            Self.rise(key, from: keys.count - 1, in: keys)
        }
    }

    /// Removes and returns the earliest timer.
    mutating func popFirst() -> TimerKey? {
        guard let first = keys.first else { return nil }
        let last = keys.removeLast()
        if !keys.isEmpty {
            keys.withUnsafeMutableBufferPointer { Self.replaceTop(of: $0, with: last) }
        }
        return first
    }

    /// Puts `last` in place of the top, restoring the heap order the way Floyd did: the hole at
    /// the top sinks to a leaf along the earliest child (three comparisons a level), then `last`
    /// rises from there (rarely far: it came from the bottom).
    private static func replaceTop(of keys: UnsafeMutableBufferPointer<TimerKey>, with last: TimerKey) {
        let count = keys.count
        var hole = 0
        while case let first = arity * hole + 1, first < count {
            var child = first
            for sibling in first + 1 ..< min(first + arity, count) where keys[sibling].precedes(keys[child]) {
                child = sibling
            }
            keys[hole] = keys[child]
            hole = child
        }
        rise(last, from: hole, in: keys)
    }

    /// Puts `key` in the hole at `hole` or, while it fires before the hole's parent, higher up.
    private static func rise(_ key: TimerKey, from hole: Int, in keys: UnsafeMutableBufferPointer<TimerKey>) {
        var hole = hole
        while hole > 0 {
            let parent = (hole - 1) / arity
            guard key.precedes(keys[parent]) else { break }
            keys[hole] = keys[parent]
            hole = parent
        }
        keys[hole] = key
    }
}
