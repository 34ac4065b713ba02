import FlowSyntax
import TestSupport
import Testing

/// A packed object gives back the members it was made from: the same keys in the same order,
/// the same values, numbers with the same text.
@Suite struct PackedObjectTests {
    @Test func randomObjectsComeBackAsTheyWere() {
        var random = SeededGenerator(seed: 41)
        for _ in 0..<3000 {
            let object = Self.randomObject(&random, depth: 0)
            let packed = PackedObject(object)
            expectSame(packed.object, object)
            for member in object.orderedMembers {
                expectSame(packed[member.key], member.value)
            }
            #expect(packed[Self.randomKey(&random) + "-missing"] == nil)
            #expect(packed.isEmpty == object.isEmpty)
            #expect(packed.hasNullMember == object.orderedMembers.contains { $0.value == .null })
            var keys: [String] = []
            packed.forEachKey { keys.append(String(decoding: $0, as: UTF8.self)) }
            #expect(keys == object.keys)
        }
    }

    /// One builder, reused from object to object (some far larger than its first room), packs
    /// member by member what `init(_:)` packs from the whole object, and knows which keys it has.
    @Test func builderPacksMemberByMember() {
        var random = SeededGenerator(seed: 43)
        let builder = PackedObjectBuilder()
        for _ in 0..<3000 {
            let object = Self.randomObject(&random, depth: 0)
            builder.begin()
            for member in object.orderedMembers {
                var key = member.key
                key.withUTF8 { key in
                    #expect(!builder.containsKey(key))
                    if case .string(var text) = member.value {
                        text.withUTF8 { builder.add(key: key, string: $0) }
                    } else {
                        builder.add(key: key, value: member.value)
                    }
                    #expect(builder.containsKey(key))
                }
            }
            #expect(builder.memberCount == object.count)
            let built = builder.build()
            expectSame(built.object, object)
            #expect(built == PackedObject(object))
            for member in object.orderedMembers { expectSame(built[member.key], member.value) }
        }
    }

    @Test func keysAreFoundByTheirBytes() {
        // "K" and the Kelvin sign are equal as Swift strings but two keys.
        let object = Value.Object([("K", .string("letter")), ("\u{212A}", .string("kelvin"))])
        let packed = PackedObject(object)
        #expect(packed["K"] == .string("letter"))
        #expect(packed["\u{212A}"] == .string("kelvin"))
        #expect(packed["k"] == nil)
        #expect(packed[""] == nil)
    }

    @Test func stringsAreReadInPlace() {
        let long = String(repeating: "é", count: 200) // 400 bytes: a two-byte length
        let packed = PackedObject(Value.Object([
            ("email", .string("ana@example.com")), ("n", .number(Value.Number(5))), ("long", .string(long)),
        ]))
        var read: [String] = []
        #expect(packed.withUTF8(ofString: "email") { read.append(String(decoding: $0, as: UTF8.self)) })
        #expect(packed.withUTF8(ofString: "long") { read.append(String(decoding: $0, as: UTF8.self)) })
        #expect(read == ["ana@example.com", long])
        #expect(!packed.withUTF8(ofString: "n") { _ in Issue.record("a number read as a string") })
        #expect(!packed.withUTF8(ofString: "missing") { _ in Issue.record("a missing member read") })
    }

    @Test func equalityIgnoresOrderLikeObjects() {
        let a = PackedObject(Value.Object([("a", .bool(true)), ("b", .null)]))
        let b = PackedObject(Value.Object([("b", .null), ("a", .bool(true))]))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != PackedObject(Value.Object([("a", .bool(false)), ("b", .null)])))
        #expect(PackedObject() == PackedObject(Value.Object()))
    }

    /// Values equal, and numbers (compared by value) with the same text, all the way down.
    private func expectSame(_ a: Value?, _ b: Value?) {
        #expect(a == b)
        switch (a, b) {
        case (.number(let x)?, .number(let y)?): #expect(x.text == y.text)
        case (.list(let x)?, .list(let y)?): for (u, v) in zip(x, y) { expectSame(u, v) }
        case (.object(let x)?, .object(let y)?): expectSame(x, y)
        default: break
        }
    }

    private func expectSame(_ a: Value.Object, _ b: Value.Object) {
        #expect(a.keys == b.keys)
        for (x, y) in zip(a.orderedMembers, b.orderedMembers) { expectSame(x.value, y.value) }
    }

    private static func randomObject(_ random: inout SeededGenerator, depth: Int) -> Value.Object {
        var object = Value.Object()
        for _ in 0..<Int.random(in: 0...9, using: &random) {
            object[randomKey(&random)] = randomValue(&random, depth: depth)
        }
        return object
    }

    private static func randomKey(_ random: inout SeededGenerator) -> String {
        let alphabet: [Character] = ["a", "b", "_", "é", "K", "\u{212A}", "😀", "1"]
        let length = Int.random(in: 0...6, using: &random)
        let key = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
        return Int.random(in: 0..<20, using: &random) == 0 ? key + String(repeating: "k", count: 130) : key
    }

    private static func randomValue(_ random: inout SeededGenerator, depth: Int) -> Value {
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .string(String(repeating: randomKey(&random), count: Int.random(in: 0...40, using: &random)))
        case 3:
            let integer = Int64.random(in: -99_999...99_999, using: &random)
            let text = "\(integer).\(Int.random(in: 10...99, using: &random))"
            return .number(Value.Number(Double(text)!, text: text))
        case 4: return .number(Value.Number(Double.random(in: -1e6...1e6, using: &random)))
        case 5: return .number(Value.Number(1e21, text: ["1e21", "1E+21", "1.0e21"].randomElement(using: &random)!))
        case 6: return .timestamp(Int64.random(in: Int64.min...Int64.max, using: &random))
        case 7: return .duration(Int64.random(in: -1_000_000...1_000_000, using: &random))
        case 8 where depth < 2:
            return .list((0..<Int.random(in: 0...3, using: &random)).map { _ in randomValue(&random, depth: depth + 1) })
        case 9 where depth < 2: return .object(randomObject(&random, depth: depth + 1))
        case 10: return .number(Value.Number(Double(Int.random(in: -5...5, using: &random))))
        default: return .string(randomKey(&random))
        }
    }
}
