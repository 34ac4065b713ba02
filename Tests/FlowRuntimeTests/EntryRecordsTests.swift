@testable import FlowRuntime
import TestSupport
import Testing

/// A contact's entry records agree with a plain dictionary by (flow, key bytes), through the
/// sizes from which they are tagged and indexed, and keys are their bytes.
@Suite struct EntryRecordsTests {
    @Test func agreesWithADictionaryByFlowAndKey() {
        var random = SeededGenerator(seed: 13)
        var records = EntryRecords()
        var model: [[UInt8]: (count: Int, lastEntry: Int64)] = [:]
        let keyCount = 3 * EntryRecords.indexedCount
        for time in 0..<Int64(4000) {
            let flow = random.index(below: 3)
            // Keys of several lengths (small and large strings), one of them empty.
            let number = random.index(below: keyCount)
            let key = number == 0 ? "" : number % 2 == 0 ? "co_\(number)" : "a-much-longer-checkout-key-\(number)"
            let modelKey = [UInt8(flow)] + Array(key.utf8)
            let expected = model[modelKey]
            let found = records.lookUp(flow: flow, key: key).record
            #expect(found.map { Int($0.count) } == expected?.count && found?.lastEntry == expected?.lastEntry, "flow \(flow), key \(key)")
            if random.chance(50) {
                let ordinal = records.recordEntry(records.lookUp(flow: flow, key: key), at: time)
                model[modelKey] = ((expected?.count ?? 0) + 1, time)
                #expect(ordinal == model[modelKey]?.count)
            }
        }
        #expect(records.count == model.count)
        #expect(records.count > EntryRecords.indexedCount) // the index was built and used
    }

    @Test func keysAreTheirBytes() {
        var records = EntryRecords()
        #expect(records.recordEntry(records.lookUp(flow: 0, key: "caf\u{E9}"), at: 1) == 1)
        #expect(records.recordEntry(records.lookUp(flow: 0, key: "cafe\u{301}"), at: 2) == 1) // equal as Swift strings, another key here
        #expect(records.recordEntry(records.lookUp(flow: 1, key: "caf\u{E9}"), at: 3) == 1) // the same key in another flow
        #expect(records.recordEntry(records.lookUp(flow: 0, key: "caf\u{E9}"), at: 4) == 2)
        #expect(records.lookUp(flow: 0, key: "cafe\u{301}").record?.lastEntry == 2)
        #expect(records.lookUp(flow: 2, key: "caf\u{E9}").record == nil)
    }
}
