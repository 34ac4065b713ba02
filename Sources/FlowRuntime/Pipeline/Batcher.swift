/// Collects items into batches of a fixed size, for handing over through a `BoundedChannel`.
public struct Batcher<Element> {
    public let size: Int
    private var items: [Element] = []

    public init(size: Int) {
        self.size = size
        items.reserveCapacity(size)
    }

    /// Adds `item`; returns the full batch (and starts a new one) once `size` items are in.
    public mutating func add(_ item: consuming Element) -> [Element]? {
        items.append(item)
        guard items.count == size else { return nil }
        return takeAll()
    }

    /// What was added since the last full batch (possibly nothing), and starts a new batch.
    public mutating func takeAll() -> [Element] {
        var batch: [Element] = []
        batch.reserveCapacity(size)
        swap(&batch, &items)
        return batch
    }
}
