@testable import FlowRuntime
import Testing

/// The cache by a string's words: a repeated string is found without making its value again,
/// and every answer is the one for the key's text, whatever form the string is in.
@Suite struct StringBitsCacheTests {
    /// Small strings (up to 15 bytes) and large ones.
    let keys = (0..<40).map { (number: Int) -> String in
        number.isMultiple(of: 2) ? "k\(number)" : "a key longer than fifteen bytes, \(number)"
    }

    func expected(_ key: String) -> Int { key.utf8.reduce(0) { $0 &* 31 &+ Int($1) } }

    @Test func everyAnswerIsTheKeysOwn() {
        var cache = StringBitsCache<Int>(setBits: 1) // few sets: keys evict each other
        for _ in 0..<3 {
            for key in keys { #expect(cache.value(for: key, orMake: expected) == expected(key)) }
        }
        // The same text in a newly made string: made again at worst, never another key's value.
        for key in keys {
            let copy = String(decoding: Array(key.utf8), as: UTF8.self)
            #expect(cache.value(for: copy, orMake: expected) == expected(key))
        }
    }

    /// Two keys that share a set (one set here) both stay: taking turns, each is made once.
    @Test func twoKeysOfOneSetBothStay() {
        var cache = StringBitsCache<Int>(setBits: 0)
        var made = 0
        for _ in 0..<50 {
            for key in keys.prefix(2) { #expect(cache.value(for: key) { made += 1; return expected($0) } == expected(key)) }
        }
        #expect(made == 2)
    }

    @Test func aRepeatedStringIsMadeOnce() {
        for key in keys.prefix(2) { // a small string and a large one
            var cache = StringBitsCache<Int>(setBits: 6)
            var made = 0
            for _ in 0..<100 { _ = cache.value(for: key) { made += 1; return expected($0) } }
            #expect(made == 1, "\(key)")
        }
    }
}
