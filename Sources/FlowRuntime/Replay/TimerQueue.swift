/// A min-heap of timers ordered by due time, then by the order they were scheduled
/// (spec 4.2: ties fire in scheduling order).
struct TimerQueue<Payload> {
    struct Entry {
        var due: Int64
        var sequence: UInt64
        var payload: Payload
    }

    private var heap: [Entry] = []
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
        heap.append(Entry(due: due, sequence: sequence, payload: payload))
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest timer if it is due at or before `time`.
    mutating func popDue(atOrBefore time: Int64) -> Entry? {
        guard !heap.isEmpty, heap[0].due <= time else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return last }
        return heap.withUnsafeMutableBufferPointer { heap in
            Self.replaceTop(of: heap, with: last)
        }
    }

    /// Takes the top entry out and puts `last` in its place, restoring the heap order the way
    /// Floyd did: the hole at the top sinks to a leaf along the earlier child (one comparison a
    /// level), then `last` rises from there (rarely far: it came from the bottom). Entries are
    /// moved, never copied, so their payloads are not retained and released on the way.
    private static func replaceTop(of heap: UnsafeMutableBufferPointer<Entry>, with last: consuming Entry) -> Entry {
        let base = heap.baseAddress!
        let top = base.move()
        var hole = 0
        while case let left = 2 * hole + 1, left < heap.count {
            let child = left + 1 < heap.count && precedes(base + left + 1, base + left) ? left + 1 : left
            (base + hole).initialize(to: (base + child).move())
            hole = child
        }
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard Self.precedes(due: last.due, sequence: last.sequence, base + parent) else { break }
            (base + hole).initialize(to: (base + parent).move())
            hole = parent
        }
        (base + hole).initialize(to: last)
        return top
    }

    /// Every pending payload, in no particular order.
    var pending: some Sequence<Payload> { heap.lazy.map(\.payload) }

    /// Whether the timer at `a` fires before the one at `b`.
    @inline(__always)
    private static func precedes(_ a: UnsafeMutablePointer<Entry>, _ b: UnsafeMutablePointer<Entry>) -> Bool {
        precedes(due: a.pointee.due, sequence: a.pointee.sequence, b)
    }

    /// Whether a timer due at `due`, scheduled as `sequence`, fires before the one at `b`.
    @inline(__always)
    private static func precedes(due: Int64, sequence: UInt64, _ b: UnsafeMutablePointer<Entry>) -> Bool {
        due != b.pointee.due ? due < b.pointee.due : sequence < b.pointee.sequence
    }

    /// Moves a new entry up into place, swapping in the buffer: copying an entry out of the array
    /// would retain and release the references in its payload.
    private mutating func siftUp(_ index: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            guard let base = heap.baseAddress else { return }
            var child = index
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.precedes(base + child, base + parent) else { return }
                heap.swapAt(child, parent)
                child = parent
            }
        }
    }
}
