/// A min-heap of timers ordered by due time, then by the order they were scheduled
/// (spec 4.2: ties fire in scheduling order).
///
/// Laid out for hundreds of thousands of pending timers, where every level of a heap walk is a
/// cache miss: the heap holds small keys only, four children to a node (half the levels of a
/// binary heap, the four children on adjacent cache lines), and the payloads stay put in slots
/// of their own, read once, when their timer comes out.
struct TimerQueue<Payload> {
    struct Entry {
        var due: Int64
        var sequence: UInt64
        var payload: Payload
    }

    /// A heap node: when the timer fires and where its payload is.
    private struct Key {
        var due: Int64
        var sequence: UInt64
        var slot: Int
    }

    private static var arity: Int { 4 }

    private var heap: [Key] = []
    /// Payloads by slot; nil in a free slot.
    private var payloads: [Payload?] = []
    /// Slots free for reuse, the latest freed (still in cache) last.
    private var freeSlots: [Int] = []
    private var nextSequence: UInt64 = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }

    /// The due time of the earliest timer.
    var nextDue: Int64? { heap.first?.due }

    mutating func schedule(at due: Int64, _ payload: Payload) {
        schedule(at: due, sequence: reserveSequence(), payload)
    }

    /// The sequence number a timer scheduled now gets; a timer moved later keeps the sequence
    /// of the moment it was (re)scheduled, so ties still fire in scheduling order.
    mutating func reserveSequence() -> UInt64 {
        defer { nextSequence += 1 }
        return nextSequence
    }

    mutating func schedule(at due: Int64, sequence: UInt64, _ payload: Payload) {
        let slot: Int
        if let free = freeSlots.popLast() {
            payloads[free] = payload
            slot = free
        } else {
            slot = payloads.count
            payloads.append(payload)
        }
        heap.append(Key(due: due, sequence: sequence, slot: slot))
        heap.withUnsafeMutableBufferPointer { heap in
            Self.rise(heap[heap.count - 1], from: heap.count - 1, in: heap)
        }
    }

    /// Removes and returns the earliest timer if it is due at or before `time`.
    mutating func popDue(atOrBefore time: Int64) -> Entry? {
        guard let top = heap.first, top.due <= time else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap.withUnsafeMutableBufferPointer { Self.replaceTop(of: $0, with: last) }
        }
        let payload = payloads[top.slot].take()!
        freeSlots.append(top.slot)
        return Entry(due: top.due, sequence: top.sequence, payload: payload)
    }

    /// Every pending payload, in no particular order.
    var pending: some Sequence<Payload> { payloads.lazy.compactMap(\.self) }

    /// Puts `last` in place of the top, restoring the heap order the way Floyd did: the hole at
    /// the top sinks to a leaf along the earliest child (three comparisons a level), then `last`
    /// rises from there (rarely far: it came from the bottom).
    private static func replaceTop(of heap: UnsafeMutableBufferPointer<Key>, with last: Key) {
        let count = heap.count
        var hole = 0
        while case let first = arity * hole + 1, first < count {
            var child = first
            for sibling in first + 1 ..< min(first + arity, count) where precedes(heap[sibling], heap[child]) {
                child = sibling
            }
            heap[hole] = heap[child]
            hole = child
        }
        rise(last, from: hole, in: heap)
    }

    /// Puts `key` in the hole at `hole` or, while it fires before the hole's parent, higher up.
    private static func rise(_ key: Key, from hole: Int, in heap: UnsafeMutableBufferPointer<Key>) {
        var hole = hole
        while hole > 0 {
            let parent = (hole - 1) / arity
            guard precedes(key, heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = key
    }

    /// Whether timer `a` fires before timer `b`.
    @inline(__always)
    private static func precedes(_ a: Key, _ b: Key) -> Bool {
        a.due != b.due ? a.due < b.due : a.sequence < b.sequence
    }
}
