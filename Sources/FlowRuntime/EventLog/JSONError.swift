/// A JSON syntax error: what is wrong and the byte offset where it was found.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Offset of the offending byte from the start of the input (0-based).
    public var offset: Int
    /// What is wrong, lowercase, names in backticks (`expected `,` or `}` after object member`).
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "byte \(offset): \(message)" }

    /// The 1-based character column of `offset` in `bytes`: UTF-8 continuation bytes before it are
    /// not counted, so a column points at the same character an editor shows.
    public static func column(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for byte in bytes.prefix(offset) where byte & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

/// The messages of the JSON scanner, in one place.
extension JSONError {
    static func unexpectedEnd(_ offset: Int, expecting what: String) -> JSONError {
        JSONError(offset: offset, message: "unexpected end of line, expected \(what)")
    }

    static func expectedValue(_ offset: Int, found byte: UInt8) -> JSONError {
        let hint: String
        switch byte {
        case UInt8(ascii: "+"): hint = " (numbers cannot start with `+`)"
        case UInt8(ascii: "."): hint = " (numbers need a digit before `.`)"
        case UInt8(ascii: "'"): hint = " (strings use double quotes)"
        default: hint = ""
        }
        return JSONError(offset: offset, message: "expected a value, found \(describe(byte))\(hint)")
    }

    static func expectedAfterMember(_ offset: Int, found byte: UInt8) -> JSONError {
        JSONError(offset: offset, message: "expected `,` or `}` after object member, found \(describe(byte))")
    }

    static func expectedAfterElement(_ offset: Int, found byte: UInt8) -> JSONError {
        JSONError(offset: offset, message: "expected `,` or `]` after array element, found \(describe(byte))")
    }

    static func expectedKey(_ offset: Int, found byte: UInt8, afterComma: Bool) -> JSONError {
        let place = afterComma ? "after `,` in object (trailing commas are not allowed)" : "in object"
        return JSONError(offset: offset, message: "expected a string key \(place), found \(describe(byte))")
    }

    static func expectedColon(_ offset: Int, found byte: UInt8) -> JSONError {
        JSONError(offset: offset, message: "expected `:` after object key, found \(describe(byte))")
    }

    static func trailingComma(_ offset: Int) -> JSONError {
        JSONError(offset: offset, message: "expected a value after `,` in array (trailing commas are not allowed)")
    }

    static func trailingGarbage(_ offset: Int, found byte: UInt8) -> JSONError {
        JSONError(offset: offset, message: "unexpected \(describe(byte)) after the JSON value")
    }

    static func tooDeep(_ offset: Int, limit: Int) -> JSONError {
        JSONError(offset: offset, message: "nesting deeper than \(limit) levels")
    }

    static func invalidLiteral(_ offset: Int, found word: String, expected literal: String) -> JSONError {
        JSONError(offset: offset, message: "expected a value, found `\(word)` (did you mean `\(literal)`?)")
    }

    static func unterminatedString(_ offset: Int) -> JSONError {
        JSONError(offset: offset, message: "unterminated string")
    }

    static func controlCharacter(_ offset: Int, _ byte: UInt8) -> JSONError {
        let escape: String
        switch byte {
        case 0x0A: escape = "`\\n`"
        case 0x0D: escape = "`\\r`"
        case 0x09: escape = "`\\t`"
        default: escape = "`\\u\(hex4(UInt16(byte)))`"
        }
        return JSONError(offset: offset, message: "control character U+\(hex4(UInt16(byte))) in string; write it as \(escape)")
    }

    static func invalidEscape(_ offset: Int, _ byte: UInt8) -> JSONError {
        let shown = byte >= 0x20 && byte < 0x7F ? "`\\\(Character(Unicode.Scalar(byte)))`" : "`\\` followed by byte 0x\(hex2(byte))"
        return JSONError(offset: offset, message: "invalid escape \(shown) in string")
    }

    static func invalidUnicodeEscape(_ offset: Int) -> JSONError {
        JSONError(offset: offset, message: "invalid `\\u` escape in string, expected 4 hex digits")
    }

    static func loneSurrogate(_ offset: Int, _ unit: UInt16) -> JSONError {
        JSONError(offset: offset, message: "lone surrogate `\\u\(hex4(unit))` in string")
    }

    static func invalidUTF8(_ offset: Int, _ byte: UInt8) -> JSONError {
        JSONError(offset: offset, message: "invalid UTF-8 (byte 0x\(hex2(byte)))")
    }

    static func invalidNumber(_ offset: Int, _ problem: String) -> JSONError {
        JSONError(offset: offset, message: "invalid number: \(problem)")
    }

    static func numberOutOfRange(_ offset: Int, _ text: String) -> JSONError {
        JSONError(offset: offset, message: "number `\(text)` is too large to represent")
    }

    /// A byte as shown in a message: a printable ASCII character in backticks, else its code.
    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "`"): "a backtick"
        case 0x21..<0x7F: "`\(Character(Unicode.Scalar(byte)))`"
        case 0x20: "a space"
        default: "byte 0x\(hex2(byte))"
        }
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 16 ? "0" + digits : digits
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
