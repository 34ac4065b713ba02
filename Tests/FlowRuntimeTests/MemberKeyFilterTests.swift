import Testing
@testable import FlowRuntime
import TestSupport

/// `MemberKeyFilter` keeps exactly the keys its set contains, as `Set<String>.contains` decides.
@Suite struct MemberKeyFilterTests {
    /// Keys as the reader makes them (small ASCII strings in their two-word form).
    func made(_ key: String) -> String {
        Array(key.utf8).withUnsafeBufferPointer { StringMaker().string(in: $0, start: 0, count: $0.count) }
    }

    @Test func keepsTheWantedKeysAndNoOthers() {
        let wanted: Set<String> = ["total", "email_id", "a_rather_long_property_key", "prénom", ""]
        let filter = MemberKeyFilter(wanted)
        for key in ["total", "email_id", "a_rather_long_property_key", "prénom", ""] {
            #expect(filter.keeps(made(key)), "\(key)")
        }
        for key in ["tota", "totals", "Total", "email_i", "a_rather_long_property_kez", "prenom", " "] {
            #expect(!filter.keeps(made(key)), "\(key)")
        }
    }

    @Test func agreesWithTheSetOnManyKeys() {
        var random = SeededGenerator(seed: 11)
        let letters = Array("abcdefgh_KΩ")
        func key() -> String { String((0..<Int.random(in: 0...20, using: &random)).map { _ in letters.randomElement(using: &random)! }) }
        for size in [0, 1, 7, 40] {
            let asciiOnly = Set((0..<size).map { _ in key() }.filter { $0.utf8.allSatisfy { $0 < 0x80 } })
            for wanted in [asciiOnly, asciiOnly.union([key()])] {
                let filter = MemberKeyFilter(wanted)
                for candidate in Array(wanted) + (0..<200).map({ _ in key() }) {
                    #expect(filter.keeps(made(candidate)) == wanted.contains(candidate), "\(candidate) in \(wanted)")
                }
            }
        }
    }

    /// The Kelvin sign equals `K` as a `String`: a wanted key with it keeps the ASCII spelling
    /// too, as the set does.
    @Test func aCanonicallyEquivalentSpellingIsKeptAsTheSetKeepsIt() {
        let filter = MemberKeyFilter(["\u{212A}elvin"])
        #expect(filter.keeps(made("Kelvin")))
        #expect(filter.keeps("\u{212A}elvin"))
    }
}
