/// A token of the expression language with its Unicode-scalar range.
struct ExpressionToken: Sendable {
    enum Kind: Equatable, Sendable {
        /// An identifier or keyword (`contact`, `and`, `count`); keywords are told apart by the parser.
        case word(String)
        case number(Value.Number)
        /// Milliseconds.
        case duration(Int64)
        case string(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var range: Range<Int>
}

/// Splits expression text into tokens on demand. Identifiers are letters, digits and `_`,
/// not starting with a digit; `-` is always an operator (names with other characters use
/// `["name"]`). A digit run followed by letters is a duration (`90d`, `1h30m`); ISO 8601
/// durations (`P2D`) are words here and become durations in the parser.
struct ExpressionLexer {
    let scalars: [Unicode.Scalar]
    private(set) var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The source text of `range`, shortened for messages.
    func text(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[clamped].prefix(24))
        return String(view) + (clamped.count > 24 ? "…" : "")
    }

    mutating func next() throws(ExpressionSyntaxError) -> ExpressionToken {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let start = position
        guard position < scalars.count else { return ExpressionToken(kind: .end, range: start..<start) }
        let scalar = scalars[position]
        if Self.isIdentifierStart(scalar) { return word(from: start) }
        if Self.isDigit(scalar) { return try numberOrDuration(from: start) }
        if scalar == "\"" || scalar == "'" { return try string(from: start, quote: scalar) }
        return try symbol(from: start)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool { s == "_" || s.properties.isAlphabetic }
    static func isIdentifierPart(_ s: Unicode.Scalar) -> Bool { isIdentifierStart(s) || isDigit(s) }

    private mutating func word(from start: Int) -> ExpressionToken {
        while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
        return ExpressionToken(kind: .word(string(start..<position)), range: start..<position)
    }

    private mutating func numberOrDuration(from start: Int) throws(ExpressionSyntaxError) -> ExpressionToken {
        skipDigits()
        var isPlainInteger = true
        if peek(0) == ".", let after = peek(1), Self.isDigit(after) {
            position += 1
            skipDigits()
            isPlainInteger = false
        }
        if peek(0) == "e" || peek(0) == "E" {
            let signLength = (peek(1) == "+" || peek(1) == "-") ? 1 : 0
            if let digit = peek(1 + signLength), Self.isDigit(digit) {
                position += 1 + signLength
                skipDigits()
                isPlainInteger = false
            }
        }
        let numberEnd = position
        while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
        let text = string(start..<position)
        if position == numberEnd, let double = Double(text) {
            return ExpressionToken(kind: .number(Value.Number(double, text: text)), range: start..<position)
        }
        if isPlainInteger, let milliseconds = Self.duration(text) {
            return ExpressionToken(kind: .duration(milliseconds), range: start..<position)
        }
        throw ExpressionSyntaxError(
            "invalid number or duration `\(self.text(start..<position))`", range: start..<position,
            help: "durations are whole numbers with units `w`, `d`, `h`, `m`, `s`, like `90d` or `1h30m`"
        )
    }

    /// A duration literal, refusing texts with so many parts that their sum could overflow.
    static func duration(_ text: String) -> Int64? {
        let units = text.unicodeScalars.filter { !isDigit($0) }.count
        guard units <= 15 else { return nil }
        return DurationSyntax.parse(text)
    }

    private mutating func string(from start: Int, quote: Unicode.Scalar) throws(ExpressionSyntaxError) -> ExpressionToken {
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == quote {
                position += 1
                return ExpressionToken(kind: .string(String(value)), range: start..<position)
            }
            if scalar == "\\" {
                guard let escaped = peek(1) else { break }
                guard let replacement = Self.escapes[escaped] else {
                    throw ExpressionSyntaxError(
                        "unknown escape `\\\(escaped)` in string", range: position..<position + 2,
                        help: "use `\\\\`, `\\\"`, `\\'`, `\\n`, `\\t` or `\\r`"
                    )
                }
                value.append(replacement)
                position += 2
            } else {
                value.append(scalar)
                position += 1
            }
        }
        throw ExpressionSyntaxError(
            "unterminated string", range: start..<scalars.count, help: "close the string with `\(quote)`"
        )
    }

    private static let escapes: [Unicode.Scalar: Unicode.Scalar] = [
        "\\": "\\", "\"": "\"", "'": "'", "n": "\n", "t": "\t", "r": "\r",
    ]

    private static let symbols = ["==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-"]

    /// Operators from other languages, with what to write instead.
    private static let foreignOperators = [
        ("&&", "and"), ("||", "or"), ("=", "=="), ("!", "not"),
    ]

    private mutating func symbol(from start: Int) throws(ExpressionSyntaxError) -> ExpressionToken {
        for symbol in Self.symbols where matches(symbol) {
            position += symbol.unicodeScalars.count
            return ExpressionToken(kind: .symbol(symbol), range: start..<position)
        }
        for (written, replacement) in Self.foreignOperators where matches(written) {
            let end = start + written.unicodeScalars.count
            throw ExpressionSyntaxError(
                "unexpected `\(written)`", range: start..<end, help: "write `\(replacement)` instead"
            )
        }
        throw ExpressionSyntaxError("unexpected character `\(scalars[start])`", range: start..<start + 1)
    }

    private func matches(_ symbol: String) -> Bool {
        for (offset, scalar) in symbol.unicodeScalars.enumerated() where peek(offset) != scalar { return false }
        return true
    }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func skipDigits() {
        while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
    }

    private func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
