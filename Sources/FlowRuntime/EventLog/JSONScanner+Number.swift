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
    /// Whether the number has an `e` part.
    var hasExponentPart = false

    /// The number, keeping its exact text: a plain decimal of at most 15 digits is made without
    /// it (see `Value.Number`), other numbers with their text from `bytes`, made by `strings`;
    /// a number beyond the range of `Double` is an error.
    @inline(__always)
    func number(in bytes: UnsafeBufferPointer<UInt8>, maker strings: StringMaker) throws(JSONError) -> Value.Number {
        if !hasExponentPart, let exact = exactMagnitude {
            return Value.Number(isNegative ? -exact : exact, plainFractionDigits: -exponent)
        }
        return try number(text: strings.string(in: bytes, start: start, count: end - start))
    }

    /// The number with its exact `text`.
    @inline(never)
    private func number(text: String) throws(JSONError) -> Value.Number {
        let magnitude: Double
        if let exact = exactMagnitude { magnitude = exact } else { magnitude = try parsedMagnitude(text) }
        return Value.Number(isNegative ? -magnitude : magnitude, text: text)
    }

    /// Fails as `number(in:maker:)` would, without building anything in the common case.
    func checkRange(in bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) {
        guard exactMagnitude == nil else { return }
        _ = try parsedMagnitude(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// The absolute value by Clinger's fast path, nil off it: with at most 15 digits and a power
    /// of ten up to 22 both operands are exact, so one rounding gives the right (finite) answer.
    @inline(__always)
    private var exactMagnitude: Double? {
        guard digitCount <= 15, exponent >= -22, exponent <= 22 else { return nil }
        let exact = Double(significand)
        return exponent < 0 ? exact / NumberToken.powersOfTen[-exponent] : exact * NumberToken.powersOfTen[exponent]
    }

    /// The absolute value of the number `text` by the standard library (off the fast path).
    private func parsedMagnitude(_ text: String) throws(JSONError) -> Double {
        guard let parsed = Double(text) else { throw .invalidNumber(start, "`\(text)`") }
        let magnitude = Swift.abs(parsed)
        guard magnitude.isFinite else { throw .numberOutOfRange(start, text) }
        return magnitude
    }

    /// Literals, exact for every power up to 1e22 (a table the compiler lays out statically).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
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
            token.hasExponentPart = true
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
