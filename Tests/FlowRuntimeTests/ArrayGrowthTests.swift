@testable import FlowRuntime
import Testing

/// `Array.append(_:growingByHalfFrom:)`: every element kept in order; past the threshold a full
/// array grows by half (plus the allocator's rounding), not double.
@Suite struct ArrayGrowthTests {
    @Test func keepsEveryElementAndGrowsByHalfPastTheThreshold() {
        var array: [Int] = []
        var growths: [(from: Int, to: Int)] = []
        for value in 0..<5000 {
            let capacity = array.capacity
            array.append(value, growingByHalfFrom: EntryRecords.growsByHalfFrom)
            if array.capacity != capacity { growths.append((capacity, array.capacity)) }
        }
        #expect(array == Array(0..<5000))
        let large = growths.filter { $0.from >= EntryRecords.growsByHalfFrom }
        #expect(large.count > 5)
        for growth in large {
            // By half, plus what the allocator rounds the request up to: less than doubling.
            #expect(growth.to >= growth.from + growth.from / 2 && growth.to < growth.from * 2, "\(growths)")
        }
    }
}
