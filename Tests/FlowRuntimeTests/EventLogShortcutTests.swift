import Testing
@testable import FlowRuntime
import FlowSyntax

/// The reader's shortcuts give exactly what the general code gives: member keys told by their
/// bytes, repeated keys found by their words, timestamps with a remembered date.
@Suite struct EventLogShortcutTests {
    /// The key of `"key":1` scanned as the first member of an object.
    func withKey<Result>(_ key: String, _ body: (StringToken, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let bytes = Array("{\"\(key)\":1}".utf8)
        return bytes.withUnsafeBufferPointer { line in
            var scanner = JSONScanner(line)
            scanner.position = 1
            guard let token = try? scanner.scanMemberKey(afterComma: false) else {
                Issue.record("key \(key) did not scan")
                return body(StringToken(start: 0, end: 0, hasEscapes: false), line)
            }
            return body(token, line)
        }
    }

    @Test func memberKeysAreToldByTheirDecodedBytes() {
        for member in EventMember.allCases {
            let key = member.key.description
            #expect(withKey(key) { EventMember.named($0, in: $1) } == member)
            // The same key with its first letter escaped.
            let escaped = String(format: "\\u%04x", Int(key.utf8.first ?? 0)) + key.dropFirst()
            #expect(withKey(escaped) { EventMember.named($0, in: $1) } == member)
        }
        let others = ["", "t", "typ", "types", "Type", "typf", "userID", "traitz", "xraits", "timestamq", "timestampp",
                      "messageid", "propertieS", "anonymousIdx", "nonymousId", "ev\\u0065nts", "é日本", "userId ", " type"]
        for key in others {
            #expect(withKey(key) { EventMember.named($0, in: $1) } == nil, "\(key)")
        }
    }

    @Test func tokensEqualLiteralsOnlyWhenTheirBytesDo() {
        let literals: [StaticString] = ["page", "group", "screen", "identify", "abcdefghijklmnop", "abcdefghijklmnopq", "abc"]
        for literal in literals {
            let text = literal.description
            var variants = [text, text + "x", String(text.dropLast()), String(text.dropFirst())]
            for index in text.indices { // every single-byte change
                variants.append(text.replacingCharacters(in: index...index, with: "_"))
            }
            for variant in variants {
                #expect(withKey(variant) { $0.equals(literal, in: $1) } == (variant == text), "\(variant) vs \(text)")
            }
        }
    }

    @Test func repeatedKeysHaveTheSameBytes() throws {
        // "K" and the Kelvin sign are equal as Swift strings, as are composed and decomposed "é"
        // and combining marks in either order (the same UTF-8 length), but each stays a member
        // of its own, as `Value.Object` looks keys up by their bytes; keys of the same length
        // with different bytes are not repeats either.
        let object = try JSONScanner.parse(#"{"K":1,"\u212A":2,"é":3,"e\u0301":4,"a\u0301\u0323":10,"a\u0323\u0301":11,"abcd":5,"abce":6,"abcd":7,"a-very-long-key-indeed":8,"a-very-long-key-indeed":9}"#)
        guard case .object(let members) = object else {
            Issue.record("not an object")
            return
        }
        #expect(members.orderedMembers.map(\.key) == [
            "K", "\u{212A}", "é", "e\u{0301}", "a\u{301}\u{323}", "a\u{323}\u{301}", "abcd", "abce", "a-very-long-key-indeed",
        ])
        #expect(members.orderedMembers.map(\.value) == [1, 2, 3, 4, 10, 11, 7, 6, 9].map { Value.number(Value.Number(Double($0), text: "\($0)")) })
    }

    @Test func timestampsParseAsRFC3339DoesWithAnyDateRemembered() {
        let times = [
            "2026-03-01T09:00:00Z", "2026-03-01T23:59:60Z", "2026-03-01T24:00:00Z", "2026-03-01T09:60:00Z",
            "2026-03-01T09:00:61Z", "2026-03-01T09:00:00.123Z", "2026-03-01T09:00:00.12Z", "2026-03-01T09:00:00.1234Z",
            "2026-03-01T09:00:00.12xZ", "2026-03-01T09:00:00z", "2026-03-01T09:00:00+01:00", "2026-03-01t09:00:00Z",
            "2026-03-01 09:00:00Z", "2026-03-01T9:00:00Z", "2026-03-01T09:0a:00Z", "2026-03-01T09-00:00Z",
            "2026-03-02T00:00:00.999Z", "2026-02-29T09:00:00Z", "2024-02-29T09:00:00Z", "2024-02-29T09:00:00.000Z",
            "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "2026-03-01T09:00:00ZZ", "2026-03-01T09:00:00.Z",
        ]
        let parser = TimestampParser()
        // Each timestamp after each other one, so every date is tried remembered and not.
        for first in times {
            for second in times {
                for text in [first, second] {
                    var bytes = Array(text.utf8)
                    let parsed = bytes.withUnsafeMutableBufferPointer { parser.parse(UnsafeBufferPointer($0)) }
                    #expect(parsed == RFC3339.parse(text), "\(text) after \(first)")
                }
            }
        }
    }
}
