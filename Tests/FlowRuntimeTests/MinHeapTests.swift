@testable import FlowRuntime
import TestSupport
import Testing

/// The heap against a sorted model: whatever the interleaving of pushes and pops, `first`,
/// `secondAndThird` and `popFirst` give the smallest elements in order (ties included).
@Suite struct MinHeapTests {
    @Test(arguments: [3, 40, 1_000]) // distinct values: few (many ties) to many
    func firstSecondAndThirdAreTheSmallest(_ values: Int) {
        var random = SeededGenerator(seed: 5)
        var heap = MinHeap<Int64>()
        var model: [Int64] = []
        for _ in 0..<20_000 {
            if random.chance(55) || model.isEmpty {
                let value = Int64(random.index(below: values))
                heap.push(value)
                model.insert(value, at: model.firstIndex { $0 > value } ?? model.count)
            } else {
                #expect(heap.popFirst() == model.removeFirst())
            }
            let (second, third) = heap.secondAndThird
            #expect(heap.first == model.first)
            #expect(second == (model.count > 1 ? model[1] : nil))
            #expect(third == (model.count > 2 ? model[2] : nil))
        }
    }
}
