import Testing
@testable import FlowRuntime
import TestSupport

/// `SmallMap` behaves like a dictionary for what replay asks of it.
@Suite struct SmallMapTests {
    @Test func setsReplacesAndRemovesLikeADictionary() {
        var map = SmallMap<Int, String>()
        var reference: [Int: String] = [:]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let key = generator.index(below: 7)
            let value: String? = generator.chance(30) ? nil : "v\(generator.index(below: 100))"
            map[key] = value
            reference[key] = value
            for probe in 0..<7 { #expect(map[probe] == reference[probe]) }
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
