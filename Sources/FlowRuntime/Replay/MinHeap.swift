/// What `MinHeap` orders by: whether one element comes out before another.
protocol HeapOrdered {
    func precedes(_ other: Self) -> Bool
}

extension Int64: HeapOrdered {
    @inline(__always)
    func precedes(_ other: Int64) -> Bool { self < other }
}

/// A min-heap, four children to a node: half the levels of a binary heap, and a node's children
/// on adjacent cache lines.
struct MinHeap<Element: HeapOrdered> {
    private static var arity: Int { 4 }

    private var elements: [Element]

    /// A heap of `sorted`, which must be in `precedes` order (a sorted array is a heap).
    init(sorted: [Element] = []) {
        elements = sorted
    }

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }
    /// The element that comes out first.
    var first: Element? { elements.first }

    /// The elements that come out second and third, after `first`, without changing the heap:
    /// the second is the earliest of the top's children, the third the earlier of the runner-up
    /// among them and the earliest of the second's children.
    var secondAndThird: (second: Element?, third: Element?) {
        elements.withUnsafeBufferPointer { elements in
            let count = elements.count
            guard count > 1 else { return (nil, nil) }
            var second = 1, third = -1
            for child in 2 ..< min(1 + Self.arity, count) {
                if elements[child].precedes(elements[second]) {
                    third = second
                    second = child
                } else if third < 0 || elements[child].precedes(elements[third]) {
                    third = child
                }
            }
            let firstGrandchild = Self.arity * second + 1
            for child in firstGrandchild ..< max(firstGrandchild, min(firstGrandchild + Self.arity, count))
            where third < 0 || elements[child].precedes(elements[third]) {
                third = child
            }
            return (elements[second], third < 0 ? nil : elements[third])
        }
    }

    mutating func push(_ element: Element) {
        elements.append(element)
        elements.withUnsafeMutableBufferPointer { elements in
            Self.rise(element, from: elements.count - 1, in: elements)
        }
    }

    /// Removes and returns the first element.
    @discardableResult
    mutating func popFirst() -> Element? {
        guard let first = elements.first else { return nil }
        let last = elements.removeLast()
        if !elements.isEmpty {
            elements.withUnsafeMutableBufferPointer { Self.replaceTop(of: $0, with: last) }
        }
        return first
    }

    /// Puts `last` in place of the top, restoring the heap order the way Floyd did: the hole at
    /// the top sinks to a leaf along the earliest child (three comparisons a level), then `last`
    /// rises from there (rarely far: it came from the bottom).
    private static func replaceTop(of elements: UnsafeMutableBufferPointer<Element>, with last: Element) {
        let count = elements.count
        var hole = 0
        while case let first = arity * hole + 1, first < count {
            var child = first
            for sibling in first + 1 ..< min(first + arity, count) where elements[sibling].precedes(elements[child]) {
                child = sibling
            }
            elements[hole] = elements[child]
            hole = child
        }
        rise(last, from: hole, in: elements)
    }

    /// Puts `element` in the hole at `hole` or, while it comes before the hole's parent, higher up.
    private static func rise(_ element: Element, from hole: Int, in elements: UnsafeMutableBufferPointer<Element>) {
        var hole = hole
        while hole > 0 {
            let parent = (hole - 1) / arity
            guard element.precedes(elements[parent]) else { break }
            elements[hole] = elements[parent]
            hole = parent
        }
        elements[hole] = element
    }
}
