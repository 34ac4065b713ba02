/// Parses expression text (spec section 3) into an `Expression`, by recursive descent:
/// `or` < `and` < `not` < comparison (not chainable) < additive (`+`, `-`) < primary.
public enum ExpressionParser {
    /// Nodes nested deeper than this are refused, so no later tree walk can exhaust the stack.
    public static let maximumDepth = 200

    /// The expression, or the first syntax error (FC301) with its offsets.
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        var parser = Parser(text)
        return try parser.parseWhole()
    }
}

private struct Parser {
    var lexer: ExpressionLexer
    var token = ExpressionToken(kind: .end, range: 0..<0)
    var depth = 0

    init(_ text: String) {
        lexer = ExpressionLexer(text)
    }

    mutating func parseWhole() throws(ExpressionSyntaxError) -> Expression {
        try advance()
        if token.kind == .end {
            throw ExpressionSyntaxError(
                "empty expression", range: token.range, help: "write a condition such as `contact.country == \"DE\"`"
            )
        }
        let expression = try parseOr(after: nil)
        guard token.kind == .end else { throw strayToken() }
        return expression
    }

    // MARK: - Operators, loosest first

    mutating func parseOr(after: String?) throws(ExpressionSyntaxError) -> Expression {
        var lhs = try parseAnd(after: after)
        let outerDepth = depth
        while isWord("or") {
            try advance()
            try nest()
            lhs = Self.binary(.or, lhs, try parseAnd(after: "or"))
        }
        depth = outerDepth
        return lhs
    }

    mutating func parseAnd(after: String?) throws(ExpressionSyntaxError) -> Expression {
        var lhs = try parseUnary(after: after)
        let outerDepth = depth
        while isWord("and") {
            try advance()
            try nest()
            lhs = Self.binary(.and, lhs, try parseUnary(after: "and"))
        }
        depth = outerDepth
        return lhs
    }

    mutating func parseUnary(after: String?) throws(ExpressionSyntaxError) -> Expression {
        guard isWord("not") else { return try parseComparison(after: after) }
        let start = token.range.lowerBound
        try advance()
        try nest()
        let operand = try parseUnary(after: "not")
        depth -= 1
        return Expression(.not(operand), range: start..<operand.range.upperBound)
    }

    mutating func parseComparison(after: String?) throws(ExpressionSyntaxError) -> Expression {
        let lhs = try parseAdditive(after: after)
        guard let op = comparisonOperator() else { return lhs }
        try advance()
        let rhs = try parseAdditive(after: op.rawValue)
        if let chained = comparisonOperator() {
            throw ExpressionSyntaxError(
                "comparisons cannot be chained", range: token.range,
                help: "combine two comparisons with `and`, like `a \(op.rawValue) b and b \(chained.rawValue) c`"
            )
        }
        return Self.binary(op, lhs, rhs)
    }

    mutating func parseAdditive(after: String?) throws(ExpressionSyntaxError) -> Expression {
        var lhs = try parsePrimary(after: after)
        let outerDepth = depth
        while let op = additiveOperator() {
            try advance()
            try nest()
            lhs = Self.binary(op, lhs, try parsePrimary(after: op.rawValue))
        }
        depth = outerDepth
        return lhs
    }

    // MARK: - Primaries

    mutating func parsePrimary(after: String?) throws(ExpressionSyntaxError) -> Expression {
        let start = token.range
        switch token.kind {
        case .string(let text):
            try advance()
            return Expression(.literal(.string(text)), range: start)
        case .number(let number):
            try advance()
            return Expression(.literal(.number(number)), range: start)
        case .duration(let milliseconds):
            try advance()
            return Expression(.literal(.duration(milliseconds)), range: start)
        case .symbol("-"):
            return try parseNegativeNumber()
        case .symbol("("):
            return try parseParenthesized()
        case .symbol("["):
            return try parseList()
        case .word(let word):
            return try parseWord(word, after: after)
        case .symbol, .end:
            throw missingExpression(after: after)
        }
    }

    mutating func parseNegativeNumber() throws(ExpressionSyntaxError) -> Expression {
        let start = token.range.lowerBound
        try advance()
        switch token.kind {
        case .number(let number):
            let end = token.range.upperBound
            try advance()
            return Expression(.literal(.number(Value.Number(-number.double, text: "-" + number.text))), range: start..<end)
        case .duration:
            throw ExpressionSyntaxError(
                "durations cannot be negative", range: start..<token.range.upperBound,
                help: "subtract the duration instead, like `now() - 7d`"
            )
        default:
            throw ExpressionSyntaxError("expected a number after `-`", range: token.range)
        }
    }

    mutating func parseParenthesized() throws(ExpressionSyntaxError) -> Expression {
        let open = token.range
        try advance()
        try nest()
        var inner = try parseOr(after: "(")
        depth -= 1
        let end = try expectClosing(")", opening: open, afterItems: false)
        inner.range = open.lowerBound..<end
        return inner
    }

    mutating func parseList() throws(ExpressionSyntaxError) -> Expression {
        let open = token.range
        try advance()
        try nest()
        let items = try parseItems(closing: "]", opening: open)
        depth -= 1
        let end = try expectClosing("]", opening: open, afterItems: true)
        return Expression(.list(items), range: open.lowerBound..<end)
    }

    mutating func parseWord(_ word: String, after: String?) throws(ExpressionSyntaxError) -> Expression {
        let start = token.range
        switch word {
        case "true", "false":
            try advance()
            return Expression(.literal(.bool(word == "true")), range: start)
        case "null":
            try advance()
            return Expression(.literal(.null), range: start)
        case "and", "or", "in", "contains":
            throw missingExpression(after: after)
        case "not":
            throw ExpressionSyntaxError(
                "`not` cannot stand here", range: start, help: "wrap the negation in parentheses, like `(not x)`"
            )
        default:
            break
        }
        if let root = PathRoot(rawValue: word) {
            try advance()
            return try parsePath(root, start: start)
        }
        if word.first == "P", let milliseconds = ExpressionLexer.duration(word) {
            try advance()
            return Expression(.literal(.duration(milliseconds)), range: start)
        }
        try advance()
        guard token.kind == .symbol("(") else {
            throw ExpressionSyntaxError(
                "unknown name `\(word)`", range: start,
                help: "paths start with `contact`, `event` or `trigger`, functions are called like `now()`, "
                    + "and strings need quotes"
            )
        }
        return try parseCall(word, start: start)
    }

    mutating func parsePath(_ root: PathRoot, start: Range<Int>) throws(ExpressionSyntaxError) -> Expression {
        var components: [PathComponent] = []
        var end = start.upperBound
        while true {
            if token.kind == .symbol(".") {
                let dot = token.range
                try advance()
                guard case .word(let name) = token.kind else {
                    throw ExpressionSyntaxError(
                        "expected a name after `.`", range: token.range.isEmpty ? dot : token.range,
                        help: "names are letters, digits and `_`; write others in brackets, like `contact[\"2fa\"]`"
                    )
                }
                components.append(PathComponent(name: name, range: token.range))
                end = token.range.upperBound
                try advance()
            } else if token.kind == .symbol("[") {
                let open = token.range
                try advance()
                guard case .string(let name) = token.kind else {
                    throw ExpressionSyntaxError(
                        "expected a quoted name after `[`", range: token.range.isEmpty ? open : token.range,
                        help: "write the name as a string, like `contact[\"first name\"]`"
                    )
                }
                components.append(PathComponent(name: name, range: token.range))
                try advance()
                end = try expectClosing("]", opening: open, afterItems: false)
            } else {
                return Expression(.path(root, components), range: start.lowerBound..<end)
            }
        }
    }

    mutating func parseCall(_ name: String, start: Range<Int>) throws(ExpressionSyntaxError) -> Expression {
        let open = token.range
        try advance()
        try nest()
        let arguments = try parseItems(closing: ")", opening: open)
        depth -= 1
        let end = try expectClosing(")", opening: open, afterItems: true)
        return Expression(.call(name, arguments), range: start.lowerBound..<end)
    }

    /// Comma-separated expressions up to (not including) `closing`; none when it follows at once.
    mutating func parseItems(closing: String, opening: Range<Int>) throws(ExpressionSyntaxError) -> [Expression] {
        var items: [Expression] = []
        guard token.kind != .symbol(closing) else { return items }
        var separator = lexer.text(opening)
        while true {
            items.append(try parseOr(after: separator))
            guard token.kind == .symbol(",") else { return items }
            separator = ","
            try advance()
        }
    }

    // MARK: - Tokens

    mutating func advance() throws(ExpressionSyntaxError) {
        token = try lexer.next()
    }

    mutating func nest() throws(ExpressionSyntaxError) {
        depth += 1
        if depth > ExpressionParser.maximumDepth {
            throw ExpressionSyntaxError(
                "expression is nested too deeply", range: token.range,
                help: "split it into simpler conditions"
            )
        }
    }

    func isWord(_ word: String) -> Bool { token.kind == .word(word) }

    func comparisonOperator() -> BinaryOperator? {
        switch token.kind {
        case .symbol(let symbol): BinaryOperator(rawValue: symbol).flatMap { $0.isComparison ? $0 : nil }
        case .word("in"): .in
        case .word("contains"): .contains
        default: nil
        }
    }

    func additiveOperator() -> BinaryOperator? {
        switch token.kind {
        case .symbol("+"): .plus
        case .symbol("-"): .minus
        default: nil
        }
    }

    /// Consumes `closing` and returns the offset after it, or explains what is missing
    /// (`afterItems`: a `,` could also have come, in a list or argument list).
    mutating func expectClosing(
        _ closing: String, opening: Range<Int>, afterItems: Bool
    ) throws(ExpressionSyntaxError) -> Int {
        guard token.kind == .symbol(closing) else {
            if token.kind == .end {
                throw ExpressionSyntaxError(
                    "`\(lexer.text(opening))` is never closed", range: opening, help: "add `\(closing)`"
                )
            }
            let expected = afterItems ? "`,` or `\(closing)`" : "`\(closing)`"
            throw ExpressionSyntaxError("expected \(expected), found `\(lexer.text(token.range))`", range: token.range)
        }
        let end = token.range.upperBound
        try advance()
        return end
    }

    func missingExpression(after: String?) -> ExpressionSyntaxError {
        let found = token.kind == .end ? "" : ", found `\(lexer.text(token.range))`"
        let subject = after.map { "expected an expression after `\($0)`" } ?? "expected an expression"
        return ExpressionSyntaxError(subject + found, range: token.range)
    }

    func strayToken() -> ExpressionSyntaxError {
        let text = lexer.text(token.range)
        let help = text == ")" || text == "]"
            ? "remove it or add the matching opening bracket"
            : "join conditions with `and` or `or`"
        return ExpressionSyntaxError("unexpected `\(text)`", range: token.range, help: help)
    }

    static func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression) -> Expression {
        Expression(.binary(op, lhs, rhs), range: lhs.range.lowerBound..<rhs.range.upperBound)
    }
}
