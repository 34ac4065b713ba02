import Testing
@testable import FlowRuntime
import FlowSyntax

@Suite struct JSONScannerTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONScanner.parse(#" {"a": [1, -0.5e2, true, false, null], "b": {"c": "d"}, "e": [] } "#)
        let expected = Value.object(Value.Object([
            ("a", .list([.number(.init(1)), .number(.init(-50)), .bool(true), .bool(false), .null])),
            ("b", .object(Value.Object([("c", .string("d"))]))),
            ("e", .list([])),
        ]))
        #expect(value == expected)
    }

    @Test func keepsTheTextOfNumbers() throws {
        // Plain decimals of up to 15 digits are kept without their text (see `Value.Number`):
        // the longest ones, with leading zeros and negative zeros, must come back the same.
        let plain = ["999999999999999", "99999999.9999999", "0.00000000000001", "-999999999999.999", "-0.0",
                     "0.1", "123456789012345", "0.99999999999999"]
        let written = ["1234567890123456", "0.000000000000001", "9007199254740993", "1e5", "-0e0"]
        for text in ["59.90", "1E+2", "-0", "0.000", "12345678901234567890", "1e-400"] + plain + written {
            guard case .number(let number) = try JSONScanner.parse(text) else {
                Issue.record("\(text) is not a number")
                continue
            }
            #expect(number.text == text)
            #expect(number.double == Double(text))
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try JSONScanner.parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try JSONScanner.parse(#""\u00e9\u20AC\ud83d\ude00x""#) == .string("é€😀x"))
        #expect(try JSONScanner.parse("\"日本 😀\"") == .string("日本 😀"))
    }

    @Test func keepsObjectKeyOrderAndLastDuplicateWins() throws {
        guard case .object(let object) = try JSONScanner.parse(#"{"b":1,"a":2,"b":3}"#) else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .number(.init(3)))
    }

    @Test(arguments: [
        ("{\"a\":1 \"b\":2}", 7, "expected `,` or `}` after object member, found `\"`"),
        ("[1 2]", 3, "expected `,` or `]` after array element, found `2`"),
        ("{\"a\" 1}", 5, "expected `:` after object key, found `1`"),
        ("{\"a\":1,}", 7, "expected a string key after `,` in object (trailing commas are not allowed), found `}`"),
        ("{a:1}", 1, "expected a string key in object, found `a`"),
        ("[1,]", 3, "expected a value after `,` in array (trailing commas are not allowed)"),
        ("\"a\\qb\"", 2, "invalid escape `\\q` in string"),
        ("\"\\u12g4\"", 1, "invalid `\\u` escape in string, expected 4 hex digits"),
        ("\"\\ud800\"", 1, "lone surrogate `\\uD800` in string"),
        ("\"\\udc00\\ud800\"", 1, "lone surrogate `\\uDC00` in string"),
        ("\"\\ud800\\u0041\"", 1, "lone surrogate `\\uD800` in string"),
        ("\"a\tb\"", 2, "control character U+0009 in string; write it as `\\t`"),
        ("\"abc", 0, "unterminated string"),
        ("01", 0, "invalid number: leading zeros are not allowed"),
        ("-", 1, "invalid number: expected a digit after `-`"),
        ("1.", 2, "invalid number: expected a digit after `.`"),
        ("1.5e+", 5, "invalid number: expected a digit in the exponent"),
        ("+1", 0, "expected a value, found `+` (numbers cannot start with `+`)"),
        (".5", 0, "expected a value, found `.` (numbers need a digit before `.`)"),
        ("1e400", 0, "number `1e400` is too large to represent"),
        ("NaN", 0, "expected a value, found `N`"),
        ("tru", 0, "expected a value, found `tru` (did you mean `true`?)"),
        ("nulL", 0, "expected a value, found `nulL` (did you mean `null`?)"),
        ("{} x", 3, "unexpected `x` after the JSON value"),
        ("", 0, "unexpected end of line, expected a value"),
        ("{\"a\":", 5, "unexpected end of line, expected a value"),
        ("[1", 2, "unexpected end of line, expected `,` or `]` after array element"),
    ])
    func rejectsInvalidJSON(text: String, offset: Int, message: String) {
        #expect(throws: JSONError(offset: offset, message: message)) { try JSONScanner.parse(text) }
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x28, 0x22], [0x22, 0xC0, 0xAF, 0x22], // bad byte, bad continuation, overlong
        [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22], // surrogate, > U+10FFFF, truncated
    ] as [[UInt8]])
    func rejectsInvalidUTF8(bytes: [UInt8]) {
        #expect(throws: JSONError(offset: 1, message: "invalid UTF-8 (byte 0x\(String(bytes[1], radix: 16, uppercase: true)))")) {
            try JSONScanner.parse(bytes: bytes)
        }
    }

    @Test func limitsNestingDepth() throws {
        let deepest = String(repeating: "[", count: JSONScanner.maxDepth) + String(repeating: "]", count: JSONScanner.maxDepth)
        _ = try JSONScanner.parse(deepest)
        let tooDeep = "[" + deepest + "]"
        #expect(throws: JSONError(offset: JSONScanner.maxDepth, message: "nesting deeper than 512 levels")) {
            try JSONScanner.parse(tooDeep)
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        let line = Array("{\"é😀\":x}".utf8)
        line.withUnsafeBufferPointer { bytes in
            #expect(JSONError.column(ofOffset: 0, in: bytes) == 1)
            #expect(JSONError.column(ofOffset: line.firstIndex(of: UInt8(ascii: "x"))!, in: bytes) == 7)
        }
    }
}

@Suite struct JSONScannerObjectTests {
    /// Objects past the member stack's limit switch to `Value.Object`'s index; repeated keys keep
    /// the last value at the first position either way.
    @Test(arguments: [3, 16, 17, 40])
    func repeatedKeysInObjectsOfEverySize(count: Int) throws {
        let members = (0..<count).map { #""k\#($0)":\#($0)"# } + [#""k0":"last""#, #""k\#(count - 1)":null"#]
        guard case .object(let object) = try JSONScanner.parse("{" + members.joined(separator: ",") + "}") else {
            Issue.record("not an object")
            return
        }
        #expect(object.count == count)
        #expect(object.keys == (0..<count).map { "k\($0)" })
        #expect(object["k0"] == .string("last"))
        #expect(object["k\(count - 1)"] == (count == 1 ? .string("last") : .null))
    }

    @Test func nestedObjectsKeepTheirOwnMembers() throws {
        let text = #"{"a":{"a":1,"b":{"a":[{"c":true}],"a":2}},"b":{},"a":{"z":0}}"#
        let expected = Value.object(Value.Object([
            ("a", .object(Value.Object([("z", .number(.init(0)))]))),
            ("b", .object(Value.Object())),
        ]))
        #expect(try JSONScanner.parse(text) == expected)
    }
}
