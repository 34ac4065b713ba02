import FlowSyntax

/// An expression compiled once into nested closures: evaluating it walks no tree.
/// Constant parts are computed at compile time.
public struct CompiledExpression: Sendable {
    typealias Evaluation = @Sendable (any ExpressionEnvironment) -> Value

    private let evaluation: Evaluation

    /// Compiles a parsed (and checked) expression. Calls the checker rejects — unknown functions
    /// or wrong argument counts (FC303) — evaluate to null.
    public init(_ expression: Expression) {
        evaluation = ExpressionCompiler.compile(expression)
    }

    /// The value of the expression (spec section 3); never traps.
    public func evaluate(in environment: any ExpressionEnvironment) -> Value {
        evaluation(environment)
    }

    /// Whether the expression, used as a condition, holds: only boolean `true` does.
    public func holds(in environment: any ExpressionEnvironment) -> Bool {
        ExpressionSemantics.holds(evaluation(environment))
    }
}

enum ExpressionCompiler {
    typealias Evaluation = CompiledExpression.Evaluation

    static func compile(_ expression: Expression) -> Evaluation {
        if expression.isConstant, !isLiteral(expression) {
            let value = compileTree(expression)(ConstantEnvironment())
            return { _ in value }
        }
        return compileTree(expression)
    }

    private static func isLiteral(_ expression: Expression) -> Bool {
        if case .literal = expression.kind { true } else { false }
    }

    private static func compileTree(_ expression: Expression) -> Evaluation {
        switch expression.kind {
        case .literal(let value):
            return { _ in value }
        case .list(let items):
            let compiled = items.map(compile)
            return { environment in .list(compiled.map { $0(environment) }) }
        case .path(let root, let components):
            let path = ExpressionPath(root, components.map(\.name))
            return { environment in environment.lookup(path) }
        case .call(let name, let arguments):
            return compileCall(name, arguments.map(compile))
        case .not(let operand):
            let operand = compile(operand)
            return { environment in .bool(!ExpressionSemantics.holds(operand(environment))) }
        case .binary(let op, let lhs, let rhs):
            return compileBinary(op, compile(lhs), compile(rhs))
        }
    }

    private static func compileBinary(_ op: BinaryOperator, _ lhs: @escaping Evaluation, _ rhs: @escaping Evaluation) -> Evaluation {
        switch op {
        case .and:
            return { environment in
                .bool(ExpressionSemantics.holds(lhs(environment)) && ExpressionSemantics.holds(rhs(environment)))
            }
        case .or:
            return { environment in
                .bool(ExpressionSemantics.holds(lhs(environment)) || ExpressionSemantics.holds(rhs(environment)))
            }
        case .plus:
            return { environment in ExpressionSemantics.add(lhs(environment), rhs(environment)) }
        case .minus:
            return { environment in ExpressionSemantics.subtract(lhs(environment), rhs(environment)) }
        default:
            return { environment in .bool(ExpressionSemantics.compare(op, lhs(environment), rhs(environment))) }
        }
    }

    private static func compileCall(_ name: String, _ arguments: [Evaluation]) -> Evaluation {
        guard let function = ExpressionFunction(name: name), function.arity.contains(arguments.count) else {
            return { _ in .null }
        }
        switch function {
        case .now:
            return { environment in .timestamp(environment.now) }
        case .exists:
            let path = arguments[0]
            return { environment in .bool(!path(environment).isNull) }
        case .count:
            return compileCount(event: arguments[0], within: arguments.count == 2 ? arguments[1] : nil)
        case .last:
            let event = arguments[0]
            return { environment in
                guard case .string(let name) = event(environment), let time = environment.last(name) else { return .null }
                return .timestamp(time)
            }
        case .since:
            let event = arguments[0]
            return { environment in
                guard case .string(let name) = event(environment), let time = environment.last(name) else { return .null }
                let (elapsed, overflow) = environment.now.subtractingReportingOverflow(time)
                return overflow ? .null : .duration(elapsed)
            }
        case .opened, .clicked:
            let step = arguments[0]
            let isOpened = function == .opened
            return { environment in
                guard case .string(let id) = step(environment) else { return .null }
                return .bool(isOpened ? environment.opened(step: id) : environment.clicked(step: id))
            }
        case .lower:
            let text = arguments[0]
            return { environment in
                guard case .string(let string) = text(environment) else { return .null }
                return .string(string.lowercased())
            }
        case .len:
            let subject = arguments[0]
            return { environment in
                switch subject(environment) {
                case .string(let string): .number(Value.Number(Double(string.unicodeScalars.count)))
                case .list(let items): .number(Value.Number(Double(items.count)))
                default: .null
                }
            }
        }
    }

    /// `count("E", D?)`: events in (now − D, now]; a duration of zero or less counts nothing,
    /// a second argument that is not a duration yields null.
    private static func compileCount(event: @escaping Evaluation, within: Evaluation?) -> Evaluation {
        { environment in
            guard case .string(let name) = event(environment) else { return .null }
            guard let within else { return .number(Value.Number(Double(environment.count(name, within: nil)))) }
            guard case .duration(let window) = within(environment) else { return .null }
            guard window > 0 else { return .number(Value.Number(0)) }
            return .number(Value.Number(Double(environment.count(name, within: window))))
        }
    }
}

/// Stands in while constant parts are computed at compile time; they read nothing from it.
private struct ConstantEnvironment: ExpressionEnvironment {
    var now: Int64 { 0 }
    func lookup(_ path: ExpressionPath) -> Value { .null }
    func count(_ event: String, within: Int64?) -> Int { 0 }
    func last(_ event: String) -> Int64? { nil }
    func opened(step: String) -> Bool { false }
    func clicked(step: String) -> Bool { false }
}
