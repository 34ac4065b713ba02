#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A scanned, validated JSON string: where its contents are (without the quotes) and whether
/// they hold escapes (if not, the bytes are the string's UTF-8 as they stand).
struct StringToken {
    var start: Int
    var end: Int
    var hasEscapes: Bool

    var count: Int { end - start }

    /// The raw contents (escapes not decoded).
    func bytes(in input: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: input[start..<end])
    }

    /// Whether the decoded string equals `text` (which has no characters that need escaping).
    /// Inlined with a literal `text`, a token of 4 to 16 bytes is compared by two loads against
    /// constants.
    @inline(__always)
    func equals(_ text: StaticString, in input: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !hasEscapes else { return decodedEquals(text, in: input) }
        guard count == text.utf8CodeUnitCount, let base = input.baseAddress else { return false }
        guard count >= 4, count <= 16 else { return memcmp(base + start, text.utf8Start, count) == 0 }
        return WordPair(base + start, count: count) == WordPair(text.utf8Start, count: count)
    }

    @inline(never)
    private func decodedEquals(_ text: StaticString, in input: UnsafeBufferPointer<UInt8>) -> Bool {
        string(in: input) == text.description
    }

    /// Passes the decoded UTF-8 to `body`: the bytes in place, unless escapes must be decoded.
    @inline(__always)
    func withDecodedBytes<Answer, Failure>(
        in input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Answer
    ) throws(Failure) -> Answer {
        guard hasEscapes else { return try body(bytes(in: input)) }
        var decoded = string(in: input)
        return try decoded.withUTF8 { utf8 in Result { () throws(Failure) in try body(utf8) } }.get()
    }

    /// The decoded string. The token must come from `JSONScanner.scanString` on the same input.
    func string(in input: UnsafeBufferPointer<UInt8>) -> String {
        let raw = bytes(in: input)
        guard hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        // Every escape is longer than the UTF-8 it stands for, so the raw length is enough.
        return String(unsafeUninitializedCapacity: raw.count) { out in
            var read = 0
            var written = 0
            while read < raw.count {
                let byte = raw[read]
                guard byte == UInt8(ascii: "\\") else {
                    out[written] = byte
                    written += 1
                    read += 1
                    continue
                }
                let escape = raw[read + 1]
                read += 2
                guard escape == UInt8(ascii: "u") else {
                    out[written] = JSONScanner.unescaped(escape) ?? escape
                    written += 1
                    continue
                }
                var code = UInt32(JSONScanner.hexValue(raw, at: read) ?? 0)
                read += 4
                if code & 0xFC00 == 0xD800 { // validated: a low surrogate escape follows
                    let low = UInt32(JSONScanner.hexValue(raw, at: read + 2) ?? 0xDC00)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
                    read += 6
                }
                for unit in (Unicode.Scalar(code) ?? "\u{FFFD}").utf8 {
                    out[written] = unit
                    written += 1
                }
            }
            return written
        }
    }
}

/// The bytes of a run of 4 to 16 bytes in two words: its first and last 4 bytes (up to 8
/// bytes long) or first and last 8 (longer). Runs of the same length are equal exactly when
/// their pairs are, and every load stays inside the run.
private struct WordPair: Equatable {
    var first: UInt64
    var last: UInt64

    @inline(__always)
    init(_ bytes: UnsafePointer<UInt8>, count: Int) {
        let raw = UnsafeRawPointer(bytes)
        if count <= 8 {
            first = UInt64(raw.loadUnaligned(as: UInt32.self))
            last = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
            first = raw.loadUnaligned(as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
    }
}

extension JSONScanner {
    /// Scans and validates the string starting at the current `"`: escapes (including surrogate
    /// pairs), no raw control characters, valid UTF-8.
    @inline(__always)
    mutating func scanString() throws(JSONError) -> StringToken {
        let start = position + 1
        var index = start
        var hasEscapes = false
        let count = bytes.count
        while index < count {
            index = skipPlainBytes(from: index)
            guard index < count else { break }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                position = index + 1
                return StringToken(start: start, end: index, hasEscapes: hasEscapes)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                index = try validateEscape(at: index)
            case 0x80...:
                index = try validateUTF8Sequence(at: index)
            case 0x20...:
                index += 1
            default:
                throw .controlCharacter(index, byte)
            }
        }
        throw .unterminatedString(position)
    }

    /// The offset of the first byte from `index` on that needs a closer look in a string (`"`,
    /// `\`, a control character or non-ASCII), 8 bytes at a time; may stop early near the end.
    @inline(__always)
    private func skipPlainBytes(from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return index }
        var index = index
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let special = JSONScanner.specialByteMask(word)
            if special != 0 { return index + special.trailingZeroBitCount >> 3 }
            index += 8
        }
        return index
    }

    /// High bit set in each byte of `word` that is `"`, `\`, below 0x20 or above 0x7F. Bits
    /// above the lowest one may be spurious (borrows), the lowest one is exact.
    @inline(__always)
    static func specialByteMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func below(_ bound: UInt64, _ value: UInt64) -> UInt64 {
            (value &- ones &* bound) & ~value & highs
        }
        let quote = below(1, word ^ (ones &* 0x22))
        let backslash = below(1, word ^ (ones &* 0x5C))
        return quote | backslash | below(0x20, word) | (word & highs)
    }

    /// Validates the escape at `index` (a backslash) and returns the offset after it.
    private func validateEscape(at index: Int) throws(JSONError) -> Int {
        guard index + 1 < bytes.count else { throw .unterminatedString(index) }
        let escape = bytes[index + 1]
        guard escape == UInt8(ascii: "u") else {
            guard JSONScanner.unescaped(escape) != nil else { throw .invalidEscape(index, escape) }
            return index + 2
        }
        guard let unit = JSONScanner.hexValue(bytes, at: index + 2) else { throw .invalidUnicodeEscape(index) }
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 7 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u"),
                  let low = JSONScanner.hexValue(bytes, at: index + 8), low & 0xFC00 == 0xDC00
            else { throw .loneSurrogate(index, unit) }
            return index + 12
        case 0xDC00...0xDFFF:
            throw .loneSurrogate(index, unit)
        default:
            return index + 6
        }
    }

    /// Validates the multi-byte UTF-8 sequence starting at `index` (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF) and returns the offset after it.
    private func validateUTF8Sequence(at index: Int) throws(JSONError) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: throw .invalidUTF8(index, lead)
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else {
            throw .invalidUTF8(index, lead)
        }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            throw .invalidUTF8(index, lead)
        }
        return index + length
    }

    /// The byte a one-character escape stands for (`n` → newline), nil if it is not one.
    static func unescaped(_ escape: UInt8) -> UInt8? {
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// The value of the four hex digits at `index`, nil if they are not four hex digits.
    static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
