extension Array {
    /// Appends `element`; a full array of `threshold` elements or more grows by half rather than
    /// doubling. For arrays that only grow and are kept for the whole replay (a returning
    /// customer's entry records): on average they leave a fifth of their room unused instead of
    /// a third, for a copy every 1.5× instead of every 2× of growth.
    @inline(__always)
    mutating func append(_ element: Element, growingByHalfFrom threshold: Int) {
        if count == capacity, count >= threshold { reserveCapacity(count + count / 2) }
        append(element)
    }
}
