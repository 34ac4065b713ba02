@testable import FlowSyntax

/// The tree as a fully parenthesized S-expression, to assert structure independent of spans.
func sExpression(_ expression: Expression) -> String {
    switch expression.kind {
    case .literal(.string(let text)): return "'\(text)'"
    case .literal(.number(let number)): return number.text
    case .literal(.duration(let milliseconds)): return "\(milliseconds)ms"
    case .literal(let value): return "\(value)"
    case .list(let items): return "[" + items.map(sExpression).joined(separator: " ") + "]"
    case .path(let root, let components): return ([root.rawValue] + components.map(\.name)).joined(separator: ".")
    case .call(let name, let arguments): return "(\(name)" + arguments.map { " " + sExpression($0) }.joined() + ")"
    case .not(let operand): return "(not \(sExpression(operand)))"
    case .binary(let op, let lhs, let rhs): return "(\(op.rawValue) \(sExpression(lhs)) \(sExpression(rhs)))"
    }
}

func parsed(_ text: String) throws -> Expression {
    try ExpressionParser.parse(text)
}

func syntaxError(_ text: String) -> ExpressionSyntaxError? {
    do {
        _ = try ExpressionParser.parse(text)
        return nil
    } catch {
        return error
    }
}

/// The source text a range covers.
func slice(_ text: String, _ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: Array(text.unicodeScalars)[range])
    return String(view)
}
