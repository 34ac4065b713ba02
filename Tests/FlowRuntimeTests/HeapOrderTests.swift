@testable import FlowRuntime
import TestSupport
import Testing

/// `MinHeap` and `SortedRunHeap` against a sorted model: whatever the interleaving of pushes,
/// pops (and, for the second, new runs), the first three elements to come out are the smallest
/// (ties included), and pops give them in order.
@Suite struct HeapOrderTests {
    @Test(arguments: [3, 40, 1_000]) // distinct values: few (many ties) to many
    func minHeap(_ values: Int) {
        var heap = MinHeap<Int64>()
        check(values: values, seed: 5, newRun: nil, push: { heap.push($0) }, pop: { heap.popFirst() }) {
            let (second, third) = heap.secondAndThird
            return [heap.first, second, third]
        }
    }

    @Test(arguments: [3, 40, 1_000])
    func sortedRunHeap(_ values: Int) {
        var queue = SortedRunHeap<Int64>()
        check(values: values, seed: 9, newRun: { queue.startRun($0) }, push: { queue.push($0) }, pop: { queue.popFirst() }) {
            #expect(queue.first == queue.upcoming.first)
            return [queue.upcoming.first, queue.upcoming.second, queue.upcoming.third]
        }
    }

    /// Runs 20,000 random steps; `newRun`, when given, starts a sorted run now and then while
    /// the queue is empty. `upcoming` returns the first three elements to come out.
    private func check(values: Int, seed: UInt64, newRun: (([Int64]) -> Void)?, push: (Int64) -> Void,
                       pop: () -> Int64?, upcoming: () -> [Int64?]) {
        var random = SeededGenerator(seed: seed)
        var model: [Int64] = []
        for _ in 0..<20_000 {
            if let newRun, model.isEmpty, random.chance(50) {
                let run = (0..<random.index(below: 30)).map { _ in Int64(random.index(below: values)) }.sorted()
                newRun(run)
                model = run
            } else if random.chance(50) || model.isEmpty {
                let value = Int64(random.index(below: values))
                push(value)
                model.insert(value, at: model.firstIndex { $0 > value } ?? model.count)
            } else {
                #expect(pop() == model.removeFirst())
            }
            #expect(upcoming() == (0..<3).map { $0 < model.count ? model[$0] : nil })
        }
    }
}
