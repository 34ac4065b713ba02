import FlowCheck
@testable import FlowRuntime
import FlowSyntax
import TestSupport
import Testing

/// The pieces `flowc run --json` lines are written with: quoted strings as `JSONWriter` writes
/// them, times as `RFC3339.format` writes them, and a buffer that grows as it fills.
@Suite struct RecordOutputTests {
    @Test func quotedStringsMatchJSONWriter() {
        var random = SeededGenerator(seed: 41)
        let pieces = ["a", "Ana", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "ü", "€", "😀", "/", " "]
        var buffer = ByteBuffer(capacity: 1) // the smallest, so that it grows along the way
        var expected = ""
        for _ in 0..<2000 {
            let text = (0..<random.index(below: 40)).map { _ in random.pick(pieces) }.joined()
            buffer.appendQuoted(text)
            JSONWriter.appendQuoted(text, to: &expected)
        }
        #expect(buffer.withBytes { String(decoding: $0, as: UTF8.self) } == expected)
    }

    /// A record member (key, then quoted value) is the key followed by what `appendQuoted` writes,
    /// for values of every length up to 40 bytes (copied in runs of 8, 16 and 32).
    @Test func membersAreKeysAndQuotedStrings() {
        var random = SeededGenerator(seed: 43)
        let pieces = ["a", "Z", "0", "-", "\"", "\\", "\n", "\u{01}", "ü", "€", "😀"]
        var buffer = ByteBuffer(capacity: 1)
        var expected = ByteBuffer(capacity: 1)
        for length in 0...40 {
            for _ in 0..<20 {
                var text = ""
                while text.utf8.count < length { text += random.pick(random.index(below: 8) == 0 ? pieces : ["a", "b", "."]) }
                buffer.appendMember(#","key":"#, quoted: text)
                expected.append(#","key":"# as StaticString)
                expected.appendQuoted(text)
            }
        }
        #expect(buffer.withBytes { Array($0) } == expected.withBytes { Array($0) })
    }

    /// Strings are checked 8 bytes at a time: one character that needs escaping, at every
    /// position of strings of every length around the word size, is still found; plain bytes
    /// just below and above the special ones are not escaped.
    @Test func everyPositionOfEveryShortLengthIsChecked() {
        for special in ["\"", "\\", "\u{00}", "\u{1F}", "\n"] {
            for length in 1...25 {
                for position in 0..<length {
                    var characters = Array(repeating: "a", count: length)
                    characters[position] = special
                    let text = characters.joined()
                    var buffer = ByteBuffer(capacity: 1)
                    buffer.appendQuoted(text)
                    var expected = ""
                    JSONWriter.appendQuoted(text, to: &expected)
                    #expect(buffer.withBytes { String(decoding: $0, as: UTF8.self) } == expected, "\(text.debugDescription)")
                }
            }
        }
        let plain = "!#[]^ \u{7F}é€😀 !#[]^ \u{7F}"
        var buffer = ByteBuffer(capacity: 1)
        buffer.appendQuoted(plain)
        buffer.appendQuoted("")
        #expect(buffer.withBytes { String(decoding: $0, as: UTF8.self) } == "\"\(plain)\"\"\"")
    }

    @Test func appendsKeepEveryByteAcrossGrowth() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for n in 0..<3000 {
            let piece = Array("record \(n),".utf8)
            piece.withUnsafeBytes { buffer.append($0) }
            buffer.append("|" as StaticString)
            buffer.append(UInt8(n % 256))
            expected += piece + [UInt8(ascii: "|"), UInt8(n % 256)]
        }
        #expect(buffer.withBytes { Array($0) } == expected)
        buffer.removeAll()
        #expect(buffer.count == 0)
    }

    @Test func timesMatchRFC3339Format() {
        var random = SeededGenerator(seed: 42)
        var times = RecordTimeFormatter()
        // Whole seconds, milliseconds of every width, repeats (the formatter's memory), days
        // before 1970 and far ahead.
        var instants: [Int64] = [
            0, -1, -1000, 999, 1000, 1_772_355_900_000, 1_772_355_900_005, 1_772_355_900_050, 253_402_300_799_999,
            -62_135_596_800_001, 9_000_000_000_000_000, -9_000_000_000_000_000, // years 0000, and the widest years
        ]
        for _ in 0..<3000 {
            let instant = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &random)
            instants.append(random.chance(30) ? instant / 1000 * 1000 : instant)
            if random.chance(20) { instants.append(instant) }
        }
        for instant in instants {
            var buffer = ByteBuffer()
            times.append(instant, to: &buffer)
            #expect(buffer.withBytes { String(decoding: $0, as: UTF8.self) } == RFC3339.format(instant), "instant \(instant)")
        }
    }
}
