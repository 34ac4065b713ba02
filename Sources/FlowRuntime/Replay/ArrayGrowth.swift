extension Array {
    /// Appends `element`; a full array of `threshold` elements or more grows by half rather than
    /// doubling. For arrays that only grow and are kept for the whole replay (a returning
    /// customer's entry records): they leave less of their room unused, for a copy every 1.5×
    /// of growth (plus what the allocator rounds up to) instead of every 2×.
    @inline(__always)
    mutating func append(_ element: Element, growingByHalfFrom threshold: Int) {
        if count == capacity, count >= threshold { reserveCapacity(count + count / 2) }
        append(element)
    }
}
