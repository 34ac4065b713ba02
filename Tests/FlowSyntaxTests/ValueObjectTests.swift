import Testing
@testable import FlowSyntax

@Suite struct ValueObjectTests {
    @Test func keepsInsertionOrderAndLastValueAtFirstPosition() {
        var object = Value.Object([("b", .bool(true)), ("a", .null), ("b", .string("x"))])
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .string("x"))
        #expect(object.count == 2)
        object["c"] = .number(.init(1))
        object["a"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object.pairs.map(\.key) == ["b", "c"])
        #expect(object["a"] == nil)
        #expect(Dictionary(uniqueKeysWithValues: object.pairs.map { ($0.key, $0.value) }) == ["b": .string("x"), "c": .number(.init(1))])
    }

    /// A look-up finds a key by its two words first, then by comparing strings: a long key
    /// equal to the one asked for but stored apart is found all the same.
    @Test func findsEqualKeysWhateverTheirStorage() {
        let long = String(repeating: "checkout_", count: 3)
        let apart = String(decoding: Array(long.utf8), as: UTF8.self)
        let object = Value.Object([(long, .bool(true)), ("id", .string("x"))])
        #expect(object[apart] == .bool(true))
        #expect(object["id"] == .string("x"))
        #expect(object["ID"] == nil)
        #expect(object["checkout_checkout_checkout"] == nil)
    }

    /// Keys are their UTF-8 bytes in objects of every size: "K" and the Kelvin sign, composed and
    /// decomposed "é", or combining marks in another order are two keys, never one found for the
    /// other, whether the object is searched or indexed.
    @Test(arguments: [0, 3, Value.Object.indexedCount + 1])
    func keysAreTheirBytesInObjectsOfEverySize(padding: Int) {
        let pairs: [(String, String)] = [("K", "\u{212A}"), ("caf\u{E9}", "cafe\u{301}"), ("a\u{301}\u{323}", "a\u{323}\u{301}")]
        for (one, other) in pairs {
            let filler = (0..<padding).map { ("filler\($0)", Value.null) }
            var object = Value.Object(filler + [(one, .string("one"))])
            #expect(object[one] == .string("one"))
            #expect(object[other] == nil, "\(other) found for \(one) among \(object.count)")
            object[other] = .string("other")
            #expect(object.count == padding + 2)
            #expect(object[one] == .string("one"))
            #expect(object[other] == .string("other"))
        }
    }

    @Test func equalityAndHashIgnoreOrder() {
        let one = Value.Object([("a", .bool(true)), ("b", .null)])
        let other = Value.Object([("b", .null), ("a", .bool(true))])
        #expect(one == other)
        #expect(one.hashValue == other.hashValue)
        #expect(one != Value.Object([("a", .bool(true))]))
        #expect(one != Value.Object([("a", .bool(false)), ("b", .null)]))
        #expect(Set([Value.object(one), .object(other)]).count == 1)
    }

    /// Past `indexedCount` members lookups go through the key index: it must follow every change.
    @Test func largeObjectsStayConsistent() {
        var object = Value.Object()
        var expected: [String: Int] = [:]
        for step in 0..<400 {
            let key = "k\(step * 7 % 53)"
            if step % 5 == 4 {
                object[key] = nil
                expected[key] = nil
            } else {
                object[key] = .number(.init(Double(step)))
                expected[key] = step
            }
            #expect(object.count == expected.count)
        }
        for index in 0..<60 {
            let key = "k\(index)"
            #expect(object[key] == expected[key].map { .number(.init(Double($0))) })
        }
        #expect(Set(object.keys) == Set(expected.keys))
        #expect(object == Value.Object(object.pairs.reversed().map { ($0.key, $0.value) }))
    }

    @Test func distinctMembersBuildTheSameObject() {
        let members = (0..<20).map { Value.Object.Member(key: "m\($0)", value: .bool($0 % 2 == 0)) }
        let built = Value.Object(distinctMembers: members)
        #expect(built == Value.Object(members.map { ($0.key, $0.value) }))
        #expect(built["m19"] == .bool(false))
        #expect(built.orderedMembers == members)
    }
}
