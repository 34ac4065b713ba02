import Testing
@testable import FlowRuntime
import TestSupport

/// `SmallMap` behaves like a dictionary for what replay asks of it.
@Suite struct SmallMapTests {
    /// Key ranges below and far above `indexedCount`, so both the linear search and the
    /// position index (built, kept up to date) are exercised.
    @Test(arguments: [7, 40, 300])
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

    @Test func theIndexIsBuiltDroppedAndBuiltAgainWithoutLosingAPair() {
        var map = SmallMap<Int, Int>()
        for key in 0..<20 { map[key] = key * 10 }
        for key in stride(from: 0, to: 20, by: 2) { map[key] = nil } // 10 left: still indexed
        for key in 0..<20 { #expect(map[key] == (key.isMultiple(of: 2) ? nil : key * 10)) }
        for key in [1, 3, 5, 7, 9] { map[key] = nil } // 5 left: below `unindexedCount`
        #expect(map.values.sorted() == [110, 130, 150, 170, 190])
        for key in 100..<120 { map[key, default: 0] += key } // indexed again, through `default:`
        map[111, default: 0] += 1
        #expect(map[111] == 112)
        #expect(map[11] == 110)
        #expect(map[1] == nil)
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
