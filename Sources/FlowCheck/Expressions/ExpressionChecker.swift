import FlowSyntax

/// The outcome of checking one expression.
public struct ExpressionCheck: Sendable {
    /// The parsed expression; nil when it has a syntax error (then `findings` holds the FC301).
    public var expression: Expression?
    /// What the expression yields, as far as the checker can tell (e.g. a `wait: {date}` caller
    /// expects `timestamp`, `date`, `string` or `unknown`).
    public var type: ExpressionType
    public var findings: [ExpressionFinding]
}

/// Checks expressions against where they stand (spec section 3, codes FC107, FC301–FC307).
/// Reports only what is certainly wrong: a value of unknown type never causes a finding.
public enum ExpressionChecker {
    /// Parses and checks `source`.
    public static func check(_ source: String, in context: ExpressionContext) -> ExpressionCheck {
        do {
            return check(try ExpressionParser.parse(source), in: context)
        } catch {
            return ExpressionCheck(expression: nil, type: .unknown, findings: [.syntax(error)])
        }
    }

    /// Checks a parsed expression.
    public static func check(_ expression: Expression, in context: ExpressionContext) -> ExpressionCheck {
        var typer = ExpressionTyper(context: context)
        let type = typer.type(of: expression)
        if context.isCondition {
            typer.checkCondition(expression, type: type)
        }
        return ExpressionCheck(expression: expression, type: type, findings: typer.findings)
    }
}

/// Infers types bottom-up, collecting findings on the way.
struct ExpressionTyper {
    let context: ExpressionContext
    var findings: [ExpressionFinding] = []

    init(context: ExpressionContext) {
        self.context = context
    }

    mutating func type(of expression: Expression) -> ExpressionType {
        switch expression.kind {
        case .literal(let value):
            return Self.type(of: value)
        case .list(let items):
            let itemTypes = items.map { type(of: $0) }
            guard let first = itemTypes.first, itemTypes.allSatisfy({ $0 == first }) else { return .list(.unknown) }
            return .list(first)
        case .path(let root, let components):
            return typeOfPath(root, components, range: expression.range)
        case .call(let name, let arguments):
            return typeOfCall(name, arguments, range: expression.range)
        case .not(let operand):
            requireBoolean(type(of: operand), operand, operatorName: "not")
            return .boolean
        case .binary(let op, let lhs, let rhs):
            return typeOfBinary(op, lhs, rhs, range: expression.range)
        }
    }

    static func type(of value: Value) -> ExpressionType {
        switch value {
        case .null: .null
        case .bool: .boolean
        case .number: .number
        case .string: .string
        case .timestamp: .timestamp
        case .duration: .duration
        case .list: .list(.unknown)
        case .object: .object
        }
    }

    /// A condition must be able to yield `true` and should depend on something (FC307).
    mutating func checkCondition(_ expression: Expression, type: ExpressionType) {
        if expression.isConstant {
            findings.append(.constantCondition(range: expression.range))
        } else if type.isKnownValue, type != .boolean {
            findings.append(.typeMismatch(
                "condition yields \(type.phrase), never `true`", range: expression.range,
                help: "compare the value, like `contact.plan == \"pro\"`, or test it with `exists(...)`"
            ))
        }
    }

    mutating func requireBoolean(_ type: ExpressionType, _ operand: Expression, operatorName: String) {
        guard type.isKnownValue, type != .boolean else { return }
        findings.append(.typeMismatch(
            "`\(operatorName)` needs a boolean, found \(type.phrase)", range: operand.range,
            help: "compare the value, like `contact.plan == \"pro\"`, or test it with `exists(...)`"
        ))
    }
}
