@testable import FlowRuntime
import TestSupport
import Testing

/// A sorted run plus a heap against a sorted model: whatever the interleaving of new runs,
/// pushes and pops, `first`, `upcoming` and `popFirst` give the smallest elements in order.
@Suite struct SortedRunHeapTests {
    @Test(arguments: [3, 40, 1_000]) // distinct values: few (many ties) to many
    func upcomingElementsAreTheSmallest(_ values: Int) {
        var random = SeededGenerator(seed: 9)
        var queue = SortedRunHeap<Int64>()
        var model: [Int64] = []
        func randomValue() -> Int64 { Int64(random.index(below: values)) }
        for _ in 0..<20_000 {
            if model.isEmpty, random.chance(50) {
                let run = (0..<random.index(below: 30)).map { _ in randomValue() }.sorted()
                queue.startRun(run)
                model = run
            } else if random.chance(40) || model.isEmpty {
                let value = randomValue()
                queue.push(value)
                model.insert(value, at: model.firstIndex { $0 > value } ?? model.count)
            } else {
                #expect(queue.popFirst() == model.removeFirst())
            }
            let upcoming = queue.upcoming
            #expect(queue.isEmpty == model.isEmpty)
            #expect(queue.first == model.first)
            #expect([upcoming.first, upcoming.second, upcoming.third] == (0..<3).map { $0 < model.count ? model[$0] : nil })
        }
    }
}
