import Testing
@testable import FlowRuntime
import FlowSyntax
import TestSupport

/// The object loop builds scalar member values itself; nested containers, malformed values and
/// everything else go through `parseValue`. Each member value must come out exactly as the same
/// text parsed on its own (the general path), and each error exactly where and as it would be.
@Suite struct JSONObjectMemberTests {
    /// Flat and nested objects with every kind of value, escapes in keys and values, whitespace
    /// and repeated keys: the object equals one made from each member parsed alone, last value
    /// of a key winning at its first position, numbers keeping their text; and so does the
    /// object packed as it is built (both below and above `maxStackedMembers` members).
    @Test func membersAreBuiltAsEachValueAlone() throws {
        var corpus = JSONCorpus(random: SeededGenerator(seed: 4711))
        var random = SeededGenerator(seed: 99)
        let scalars = ["true", "false", "null", "0", "-0", "59.90", "1E+2", "-0.5e-3", "12345678901234567890", "1e-400", "\"\""]
        for _ in 0..<2000 {
            var members: [(key: String, text: String)] = []
            for _ in 0..<Int.random(in: 1...20, using: &random) {
                let key = Int.random(in: 0..<4, using: &random) == 0 ? "\"k\(Int.random(in: 0..<3, using: &random))\"" : corpus.string()
                let text = switch Int.random(in: 0..<4, using: &random) {
                case 0: scalars.randomElement(using: &random)!
                case 1: corpus.number()
                default: corpus.value(depth: 3)
                }
                members.append((key, text))
            }
            let document = "{" + members.map { corpus.space() + $0.key + corpus.space() + ":" + corpus.space() + $0.text + corpus.space() }
                .joined(separator: ",") + "}"
            var expected = Value.Object()
            for member in members {
                guard case .string(let key) = try JSONScanner.parse(member.key) else {
                    Issue.record("\(member.key) is not a string")
                    continue
                }
                expected[key] = try JSONScanner.parse(member.text)
            }
            #expect(identical(try JSONScanner.parse(document), .object(expected)), "\(document)")
            #expect(identical(.object(try packed(document).object), .object(expected)), "\(document)")
        }
    }

    /// The object at the start of `text`, packed straight from the member stack (as the event
    /// decoder builds `properties`).
    private func packed(_ text: String) throws -> PackedObject {
        var text = text
        return try text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes)
            return try scanner.buildPackedObject(depth: 0)
        }
    }

    /// A malformed member value fails exactly as the same text alone, shifted by the key before it.
    @Test(arguments: ["tru", "fals", "falsy", "nul", "nULL", "t", "-", "01", "1.", "1e", "1e400", "-1E+999",
                      "\"a", "\"\\x\"", "\"\\ud800\"", "+1", "[1,]", "{\"a\"}", "}"])
    func malformedMemberValuesFailAsAlone(text: String) {
        let prefix = #"{"key": "#
        let alone = failure(text)
        let inObject = failure(prefix + text + "}")
        guard let alone, let inObject else {
            Issue.record("\(text): \(String(describing: alone)) / \(String(describing: inObject))")
            return
        }
        #expect(inObject.offset == alone.offset + prefix.utf8.count, "\(text)")
        #expect(inObject.message == alone.message, "\(text)")
    }

    @Test func literalsAtTheVeryEndOfTheInputAreRead() throws {
        // No bytes after the literal: the word comparison must not read past the end.
        for literal in ["true", "false", "null"] {
            let bytes = Array(#"{"a":"#.utf8) + Array(literal.utf8)
            #expect(throws: JSONError.self) { try JSONScanner.parse(bytes: bytes) }
            #expect(try JSONScanner.parse(bytes: bytes + [UInt8(ascii: "}")]) == .object(Value.Object([("a", try JSONScanner.parse(literal))])))
        }
    }

    private func failure(_ text: String) -> JSONError? {
        do {
            _ = try JSONScanner.parse(text)
            return nil
        } catch {
            return error
        }
    }
}

/// Whether two values are the same in every respect `==` leaves out: numbers' text, members' order.
private func identical(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)):
        return x.text == y.text && x.double.bitPattern == y.double.bitPattern
    case (.list(let x), .list(let y)):
        return x.count == y.count && zip(x, y).allSatisfy(identical)
    case (.object(let x), .object(let y)):
        return x.keys == y.keys && zip(x.orderedMembers, y.orderedMembers).allSatisfy { identical($0.value, $1.value) }
    default:
        return a == b
    }
}
