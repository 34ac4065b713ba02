import FlowSyntax

/// A scanned, grammatically valid JSON number: its text's position and, for the common short
/// case, its decimal parts (so most numbers convert without `strtod`).
struct NumberToken {
    var start: Int
    var end: Int
    /// The digits without sign and dot, when there are at most 15 of them (so exact in a Double).
    var significand: UInt64
    var digitCount: Int
    /// Decimal exponent applied to `significand` (fraction digits and `e` part together).
    var exponent: Int
    var isNegative: Bool

    /// The number with its exact `text`; a number beyond the range of `Double` is an error.
    func number(text: String) throws(JSONError) -> Value.Number {
        let magnitude = try magnitude { text }
        return Value.Number(isNegative ? -magnitude : magnitude, text: text)
    }

    /// Fails as `number(text:)` would, without building anything in the common case.
    func checkRange(in bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) {
        _ = try magnitude { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
    }

    /// The number's absolute value; `text` is asked for only off the fast path.
    private func magnitude(_ text: () -> String) throws(JSONError) -> Double {
        let magnitude: Double
        if digitCount <= 15, exponent >= -22, exponent <= 22 {
            // Clinger's fast path: both operands are exact, so one rounding gives the right answer.
            let exact = Double(significand)
            magnitude = exponent < 0 ? exact / NumberToken.powersOfTen[-exponent] : exact * NumberToken.powersOfTen[exponent]
        } else {
            let text = text()
            guard let parsed = Double(text) else { throw .invalidNumber(start, "`\(text)`") }
            magnitude = Swift.abs(parsed)
        }
        guard magnitude.isFinite else { throw .numberOutOfRange(start, text()) }
        return magnitude
    }

    private static let powersOfTen: [Double] = (0...22).map { (exponent: Int) -> Double in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

extension JSONScanner {
    /// Scans the number at the current position by the RFC grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func scanNumber() throws(JSONError) -> NumberToken {
        let start = position
        var token = NumberToken(start: start, end: start, significand: 0, digitCount: 0, exponent: 0, isNegative: false)
        if bytes[position] == UInt8(ascii: "-") {
            token.isNegative = true
            position += 1
        }
        guard let first = digit(at: position) else { throw .invalidNumber(position, "expected a digit after `-`") }
        if first == 0, digit(at: position + 1) != nil {
            throw .invalidNumber(position, "leading zeros are not allowed")
        }
        scanDigits(into: &token)
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digit(at: position) != nil else { throw .invalidNumber(position, "expected a digit after `.`") }
            let before = token.digitCount
            scanDigits(into: &token)
            token.exponent -= token.digitCount - before
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var sign = 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                if bytes[position] == UInt8(ascii: "-") { sign = -1 }
                position += 1
            }
            guard digit(at: position) != nil else { throw .invalidNumber(position, "expected a digit in the exponent") }
            var exponent = 0
            while let value = digit(at: position) {
                exponent = Swift.min(exponent * 10 + value, 100_000) // beyond any Double; saturate
                position += 1
            }
            token.exponent += sign * exponent
        }
        token.end = position
        return token
    }

    /// Consumes a run of digits, accumulating them while they fit the fast path.
    @inline(__always)
    private mutating func scanDigits(into token: inout NumberToken) {
        while let value = digit(at: position) {
            if token.digitCount < 15 { token.significand = token.significand * 10 + UInt64(value) }
            token.digitCount += 1
            position += 1
        }
    }

    @inline(__always)
    private func digit(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        let value = bytes[index] &- UInt8(ascii: "0")
        return value < 10 ? Int(value) : nil
    }
}
