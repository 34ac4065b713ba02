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
        guard let first = heap.first, first.due <= time else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return first
    }

    /// Every pending payload, in no particular order.
    var pending: some Sequence<Payload> { heap.lazy.map(\.payload) }

    /// Whether the timer at `a` fires before the one at `b`.
    @inline(__always)
    private static func precedes(_ a: UnsafeMutablePointer<Entry>, _ b: UnsafeMutablePointer<Entry>) -> Bool {
        a.pointee.due != b.pointee.due ? a.pointee.due < b.pointee.due : a.pointee.sequence < b.pointee.sequence
    }

    // The sifts compare and swap entries in place through the buffer: copying an entry out of
    // the array would retain and release the references in its payload.

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

    private mutating func siftDown(_ index: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            guard let base = heap.baseAddress else { return }
            var parent = index
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { return }
                var smallest = left
                if left + 1 < heap.count, Self.precedes(base + left + 1, base + left) { smallest = left + 1 }
                guard Self.precedes(base + smallest, base + parent) else { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}
