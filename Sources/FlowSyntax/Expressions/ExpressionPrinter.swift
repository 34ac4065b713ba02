/// Prints an expression as source text that parses back to the same tree: strings in double
/// quotes, names that are not identifiers in brackets, parentheses only where precedence needs them.
extension Expression: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .literal(let value):
            return Self.literalText(value)
        case .list(let items):
            return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .path(let root, let components):
            return components.reduce(root.rawValue) { text, component in
                text + (Self.isIdentifier(component.name) ? "." + component.name : "[" + Self.quoted(component.name) + "]")
            }
        case .call(let name, let arguments):
            return name + "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        case .not(let operand):
            return "not " + operand.parenthesized(if: operand.precedence < Self.notPrecedence)
        case .binary(let op, let lhs, let rhs):
            // `or`, `and`, `+`, `-` group to the left; comparisons do not chain.
            let rhsNeedsParentheses = rhs.precedence <= op.precedence
            let lhsNeedsParentheses = op.isComparison ? lhs.precedence <= op.precedence : lhs.precedence < op.precedence
            return lhs.parenthesized(if: lhsNeedsParentheses) + " \(op.rawValue) "
                + rhs.parenthesized(if: rhsNeedsParentheses)
        }
    }

    static let notPrecedence = 3
    private static let primaryPrecedence = 6

    private var precedence: Int {
        switch kind {
        case .binary(let op, _, _): op.precedence
        case .not: Self.notPrecedence
        default: Self.primaryPrecedence
        }
    }

    private func parenthesized(if needed: Bool) -> String { needed ? "(\(self))" : description }

    private static func literalText(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.text
        case .string(let text): quoted(text)
        case .duration(let milliseconds): DurationSyntax.format(milliseconds)
        case .timestamp(let milliseconds): quoted(RFC3339.format(milliseconds))
        case .list(let items): "[" + items.map(literalText).joined(separator: ", ") + "]"
        case .object: "null"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ExpressionLexer.isIdentifierStart(first) else { return false }
        return name.unicodeScalars.allSatisfy(ExpressionLexer.isIdentifierPart)
    }
}
