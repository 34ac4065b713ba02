@testable import FlowRuntime
import TestSupport
import Testing

/// The contact table's key: equal ids are one key however their strings are stored, and the
/// hash reads every byte of ids of every length.
@Suite struct ContactKeyTests {
    @Test func equalIdsAreOneKeyHoweverStored() {
        let letters = Array("anon-0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        for length in 0...40 {
            let id = String(decoding: letters[..<length], as: UTF8.self)
            // The same characters in a string made with spare capacity (not the small form).
            let stored = String(unsafeUninitializedCapacity: 64) { buffer in
                for index in 0..<length { buffer[index] = letters[index] }
                return length
            }
            // `stored` is a large string even when short: the hash must not depend on the form.
            #expect(ContactKey(id) == ContactKey(stored))
            for seed in [0, 1, -7, 1 << 40] {
                #expect(ContactKey(id)._rawHashValue(seed: seed) == ContactKey(stored)._rawHashValue(seed: seed), "length \(length)")
            }
            #expect(ContactKey(id).hashValue == ContactKey(stored).hashValue)
            var table: [ContactKey: Int] = [ContactKey(id): length]
            #expect(table[ContactKey(stored)] == length, "length \(length)")
            table[ContactKey(stored)] = -1
            #expect(table.count == 1)
        }
    }

    /// Ids are opaque bytes: ids Swift calls equal strings but spelled with other code points
    /// are different contacts.
    @Test func idsAreTheirBytes() {
        let pairs = [("K", "\u{212A}"), ("caf\u{E9}", "cafe\u{301}"), ("Å", "A\u{30A}")]
        for (a, b) in pairs {
            #expect(a == b) // equal as Swift strings ...
            #expect(ContactKey(a) != ContactKey(b)) // ... two contacts here
            let table = [ContactKey(a): 1, ContactKey(b): 2]
            #expect(table.count == 2 && table[ContactKey(a)] == 1 && table[ContactKey(b)] == 2)
        }
    }

    @Test func everyByteOfEveryLengthCounts() {
        var random = SeededGenerator(seed: 3)
        for length in 1...40 {
            let bytes = (0..<length).map { _ in UInt8(random.index(below: 256)) }
            let hash = bytes.withUnsafeBufferPointer { ContactKey.mix($0, seed: 7) }
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 0x01
                #expect(changed.withUnsafeBufferPointer { ContactKey.mix($0, seed: 7) } != hash, "length \(length), byte \(position)")
            }
            #expect((bytes + [0]).withUnsafeBufferPointer { ContactKey.mix($0, seed: 7) } != hash, "a zero byte more")
        }
    }

    @Test func aTableOfManyIdsFindsEachOne() {
        let ids = (0..<20_000).map { (number: Int) -> String in "anon-\(number)" }
        var table: [ContactKey: Int] = [:]
        for (number, id) in ids.enumerated() { table[ContactKey(id)] = number }
        #expect(table.count == ids.count)
        var found = 0
        for (number, id) in ids.enumerated() where table[ContactKey(id)] == number { found += 1 }
        #expect(found == ids.count)
        #expect(table[ContactKey("anon-20000")] == nil)
    }
}
