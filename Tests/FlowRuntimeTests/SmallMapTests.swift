import Testing
@testable import FlowRuntime
import TestSupport

/// `SmallMap` behaves like a dictionary for what replay asks of it.
@Suite struct SmallMapTests {
    /// Key ranges below and far above `indexedCount`, so both the linear search and the
    /// position index (built, kept up to date, dropped again) are exercised.
    @Test(arguments: [7, 40])
    func setsReplacesAndRemovesLikeADictionary(keyCount: Int) {
        var map = SmallMap<Int, String>()
        var reference: [Int: String] = [:]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2000 {
            let key = generator.index(below: keyCount)
            let value: String? = generator.chance(keyCount > 16 ? 10 : 30) ? nil : "v\(generator.index(below: 100))"
            map[key] = value
            reference[key] = value
            for probe in 0..<keyCount { #expect(map[probe] == reference[probe]) }
            #expect(map.isEmpty == reference.isEmpty)
            #expect(map.values.sorted() == reference.values.sorted())
        }
    }

    @Test func theDefaultSubscriptChangesInPlaceAndAddsOnce() {
        var map = SmallMap<String, [Int]>()
        map["a", default: []].append(1)
        map["a", default: []].append(2)
        map["b", default: [9]].append(3)
        #expect(map["a"] == [1, 2])
        #expect(map["b"] == [9, 3])
        #expect(Array(map.values) == [[1, 2], [9, 3]])
    }
}
