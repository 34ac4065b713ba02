import FlowSyntax
import TestSupport
import Testing

/// A number keeps the text it was written with, whether that text is kept or made again from
/// the value (`Value.Number`), and takes no more room than a string.
@Suite struct ValueNumberTests {
    @Test func plainDecimalsComeBackAsWritten() {
        var random = SeededGenerator(seed: 29)
        for _ in 0..<20000 {
            let digitCount = Int.random(in: 1...Value.Number.maxPlainDigits, using: &random)
            let fractionDigits = Int.random(in: 0..<digitCount, using: &random)
            var digits = String((0..<digitCount).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            // An integer part of one digit may be 0; a longer one may not start with it.
            let integerCount = digitCount - fractionDigits
            if integerCount > 1, digits.first == "0" { digits = "1" + digits.dropFirst() }
            var text = String(digits.prefix(integerCount))
            if fractionDigits > 0 { text += "." + digits.suffix(fractionDigits) }
            if Bool.random(using: &random) { text = "-" + text }
            let number = Value.Number(Double(text)!, text: text)
            #expect(number.text == text)
            #expect(number.double == Double(text))
        }
    }

    @Test func otherTextsAreKept() {
        let texts: [(String, Double)] = [
            ("1e5", 1e5), ("1_000", 1000), ("+5", 5), (".5", 0.5), ("0x1F", 31), ("007", 7), ("5.", 5),
            ("1234567890123456", 1234567890123456), ("-", 0), ("", 0), ("1.5", 1.25), ("-0", 0),
        ]
        for (text, double) in texts {
            let number = Value.Number(double, text: text)
            #expect(number.text == text)
            #expect(number.double == double)
        }
    }

    @Test func computedNumbersPrintAsIntegersOrDoubles() {
        #expect(Value.Number(3).text == "3")
        #expect(Value.Number(-0.0).text == "0")
        #expect(Value.Number(2.5).text == "2.5")
        #expect(Value.Number(1e15).text == "1000000000000000.0") // as Swift prints a Double
        #expect(Value.Number(59.9) == Value.Number(59.9, text: "59.90"))
    }

    /// What the compact spelling is for: an object member takes 40 bytes, not 48.
    @Test func aValueTakesNoMoreRoomThanAStringAndATag() {
        #expect(MemoryLayout<Value.Number>.size == 16)
        #expect(MemoryLayout<Value>.size == MemoryLayout<String>.size + 1)
        #expect(MemoryLayout<Value.Object.Member>.stride == 40)
    }
}
