@testable import FlowRuntime
import TestSupport
import Testing

/// The replay's contact table: equal ids are one contact however their strings are stored, ids
/// are their bytes, the hash reads every byte of ids of every length, and a table grown to many
/// contacts finds each one; prefetching changes nothing.
@Suite struct ContactTableTests {
    @Test func equalIdsAreOneContactHoweverStored() {
        let letters = Array("anon-0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        for length in 0...40 {
            let id = String(decoding: letters[..<length], as: UTF8.self)
            // The same characters in a string made with spare capacity (not the small form).
            let stored = String(unsafeUninitializedCapacity: 64) { buffer in
                for index in 0..<length { buffer[index] = letters[index] }
                return length
            }
            // `stored` is a large string even when short: the hash must not depend on the form.
            #expect(StringBytes.equal(id, stored))
            #expect(StringBytes.hash(id) == StringBytes.hash(stored), "length \(length)")
            var table = ContactTable()
            let contact = table.contact(id) { ContactState(id: id) }
            #expect(table[stored] === contact, "length \(length)")
            #expect(table.contact(stored) { ContactState(id: stored) } === contact)
            #expect(table.count == 1)
        }
    }

    /// Ids are opaque bytes: ids Swift calls equal strings but spelled with other code points
    /// are different contacts.
    @Test func idsAreTheirBytes() {
        let pairs = [("K", "\u{212A}"), ("caf\u{E9}", "cafe\u{301}"), ("Å", "A\u{30A}")]
        for (a, b) in pairs {
            #expect(a == b) // equal as Swift strings ...
            #expect(!StringBytes.equal(a, b)) // ... two contacts here
            var table = ContactTable()
            let first = table.contact(a) { ContactState(id: a) }
            let second = table.contact(b) { ContactState(id: b) }
            #expect(table.count == 2 && first !== second)
            #expect(table[a] === first && table[b] === second)
        }
    }

    @Test func everyByteOfEveryLengthCounts() {
        var random = SeededGenerator(seed: 3)
        for length in 1...40 {
            let bytes = (0..<length).map { _ in UInt8(random.index(below: 256)) }
            let hash = bytes.withUnsafeBufferPointer { StringBytes.mix($0) }
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 0x01
                #expect(changed.withUnsafeBufferPointer { StringBytes.mix($0) } != hash, "length \(length), byte \(position)")
            }
            #expect((bytes + [0]).withUnsafeBufferPointer { StringBytes.mix($0) } != hash, "a zero byte more")
        }
    }

    /// 20,000 contacts make the table grow ten times over; every contact is found again, in the
    /// order of first appearance, and an id never added is not.
    @Test func aTableOfManyIdsFindsEachOne() {
        let ids = (0..<20_000).map { (number: Int) -> String in "anon-\(number)" }
        var table = ContactTable()
        for id in ids { _ = table.contact(id) { ContactState(id: id) } }
        #expect(table.count == ids.count)
        #expect(table.states.map(\.id) == ids)
        var found = 0
        for id in ids where table[id]?.id == id { found += 1 }
        #expect(found == ids.count)
        #expect(table["anon-20000"] == nil)
        for id in ids.prefix(100) { _ = table.contact(id) { ContactState(id: "made again") } }
        #expect(table.count == ids.count)
    }

    /// Prefetching follows known and unknown ids through every stage and changes nothing.
    @Test func prefetchingChangesNothing() {
        let ids = (0..<5_000).map { (number: Int) -> String in "u\(number)" }
        var table = ContactTable()
        for id in ids.prefix(2_500) { _ = table.contact(id) { ContactState(id: id) } }
        for contact in table.states.prefix(50) { // some with entry records, for the `parts` stage
            _ = contact.entries.recordEntry(contact.entries.lookUp(flow: 0, key: "k"), at: 1)
        }
        let before = table.states.map(ObjectIdentifier.init)
        for stage in [ContactTable.PrefetchStage.slot, .entry, .contact, .parts] {
            for id in ids + ["", String(repeating: "x", count: 100)] { table.prefetch(hash: StringBytes.hash(id), stage) }
        }
        #expect(table.states.map(ObjectIdentifier.init) == before)
        #expect(ids.prefix(2_500).allSatisfy { table[$0]?.id == $0 })
        #expect(ids.suffix(2_500).allSatisfy { table[$0] == nil })
        #expect(table.states.prefix(50).allSatisfy { $0.entries.lookUp(flow: 0, key: "k").record?.count == 1 })
    }
}

private extension ContactTable {
    /// `contact(_:hash:orMake:)` with the hash made here.
    mutating func contact(_ id: String, orMake make: () -> ContactState) -> ContactState {
        contact(id, hash: StringBytes.hash(id), orMake: make)
    }
}
