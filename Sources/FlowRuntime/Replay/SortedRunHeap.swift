/// Elements that come out in `precedes` order, for a queue whose elements mostly arrive in
/// sorted runs: a sorted run, consumed from its front (a pop is a step, not a sift down a
/// heap), and a heap for the elements pushed while the run lasts. The smaller of the two fronts
/// comes out first.
struct SortedRunHeap<Element: HeapOrdered> {
    private var run: [Element] = []
    /// The position in `run` of its next element.
    private var start = 0
    private var heap = MinHeap<Element>()

    var isEmpty: Bool { start == run.count && heap.isEmpty }

    /// The element that comes out first.
    var first: Element? { heapComesFirst ? heap.first : runFront }

    private var runFront: Element? { start < run.count ? run[start] : nil }

    /// Whether the heap's front comes out before the run's (false when the heap is empty).
    private var heapComesFirst: Bool {
        guard let heapFront = heap.first else { return false }
        return runFront.map { heapFront.precedes($0) } ?? true
    }

    /// Replaces the run with `sorted`, which must be in `precedes` order. Only when empty.
    mutating func startRun(_ sorted: [Element]) {
        assert(isEmpty, "a new run while elements are left")
        run = sorted
        start = 0
    }

    mutating func push(_ element: Element) {
        heap.push(element)
    }

    /// Removes and returns the first element.
    @discardableResult
    mutating func popFirst() -> Element? {
        popFirst { _ in true }
    }

    /// Removes and returns the first element if it meets `condition`: one look at the two
    /// fronts, where `first` then `popFirst` took two.
    mutating func popFirst(where condition: (Element) -> Bool) -> Element? {
        if heapComesFirst {
            guard let front = heap.first, condition(front) else { return nil }
            return heap.popFirst()
        }
        guard let front = runFront, condition(front) else { return nil }
        start += 1
        return front
    }

    /// The first three elements to come out, in order: the fronts of the run and the heap,
    /// merged (the heap's second and third are looked for only once its first came out).
    var upcoming: (first: Element?, second: Element?, third: Element?) {
        run.withUnsafeBufferPointer { run in
            let heapFirst = heap.first
            var heapSecondAndThird: (Element?, Element?)?
            var inRun = start, inHeap = 0
            func next() -> Element? {
                var fromHeap = heapFirst
                if inHeap > 0 {
                    if heapSecondAndThird == nil { heapSecondAndThird = heap.secondAndThird }
                    fromHeap = inHeap == 1 ? heapSecondAndThird?.0 : inHeap == 2 ? heapSecondAndThird?.1 : nil
                }
                let fromRun = inRun < run.count ? run[inRun] : nil
                if let fromHeap, fromRun.map({ fromHeap.precedes($0) }) ?? true {
                    inHeap += 1
                    return fromHeap
                }
                inRun += 1
                return fromRun
            }
            let first = next(), second = next(), third = next()
            return (first, second, third)
        }
    }
}
