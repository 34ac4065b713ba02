import FlowSyntax

/// Comparisons, membership, arithmetic and logic.
extension ExpressionTyper {
    mutating func typeOfBinary(
        _ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, range: Range<Int>
    ) -> ExpressionType {
        let lhsType = type(of: lhs)
        let rhsType = type(of: rhs)
        if op.isLogical {
            requireBoolean(lhsType, lhs, operatorName: op.rawValue)
            requireBoolean(rhsType, rhs, operatorName: op.rawValue)
            return .boolean
        }
        if op.isArithmetic {
            return arithmetic(op, (lhs, lhsType), (rhs, rhsType), range: range)
        }
        if op == .in || op == .contains {
            membership(op, (lhs, lhsType), (rhs, rhsType), range: range)
        } else {
            comparison(op, (lhs, lhsType), (rhs, rhsType), range: range)
        }
        return .boolean
    }

    typealias Operand = (expression: Expression, type: ExpressionType)

    mutating func comparison(_ op: BinaryOperator, _ lhs: Operand, _ rhs: Operand, range: Range<Int>) {
        if op.isOrdering {
            if lhs.type == .null || rhs.type == .null {
                findings.append(.typeMismatch(
                    "`\(op.rawValue)` with `null` is always false", range: range,
                    help: "test for a missing value with `== null`, `!= null` or `exists(...)`"
                ))
                return
            }
            for operand in [lhs, rhs] where operand.type == .boolean || operand.type == .object || operand.type.isList {
                findings.append(.typeMismatch(
                    "`\(op.rawValue)` cannot order \(operand.type.phrase)", range: operand.expression.range,
                    help: "only numbers, strings, timestamps and durations have an order"
                ))
                return
            }
        }
        guard lhs.type.isComparable(with: rhs.type) else {
            findings.append(.typeMismatch(
                "cannot compare \(lhs.type.phrase) with \(rhs.type.phrase)", range: range,
                help: Self.mismatchHelp(lhs.type, rhs.type)
            ))
            return
        }
        for (text, other) in [(lhs, rhs), (rhs, lhs)] where other.type == .timestamp {
            guard case .literal(.string(let string)) = text.expression.kind, RFC3339.parseTimestampOrDate(string) == nil
            else { continue }
            findings.append(.typeMismatch(
                "`\(text.expression)` is not a timestamp", range: text.expression.range,
                help: "write an RFC 3339 timestamp like `\"2026-03-01T09:00:00Z\"` or a date like `\"2026-03-01\"`"
            ))
        }
    }

    static func mismatchHelp(_ a: ExpressionType, _ b: ExpressionType) -> String {
        let pair = Set([a, b])
        if pair == [.duration, .number] { return "write the duration with a unit, like `90d` or `12h`" }
        if pair == [.string, .number] { return "compare with a quoted string, or with a value declared as a number" }
        if pair.contains(.duration) { return "durations compare with durations, like `since(\"Order Completed\") > 90d`" }
        return "compare values of the same type"
    }

    mutating func membership(_ op: BinaryOperator, _ lhs: Operand, _ rhs: Operand, range: Range<Int>) {
        let (needle, haystack) = op == .in ? (lhs, rhs) : (rhs, lhs)
        let side = op == .in ? "on its right" : "on its left"
        switch haystack.type {
        case .unknown, .null:
            return
        case .string, .date:
            guard needle.type.isKnownValue, !needle.type.isText else { return }
            findings.append(.typeMismatch(
                "`\(op.rawValue)` on a string looks for a substring, found \(needle.type.phrase)", range: range,
                help: "look for a string, like `contact.email contains \"@example.com\"`"
            ))
        case .list(let item):
            guard !item.isComparable(with: needle.type) else { return }
            findings.append(.typeMismatch(
                "\(needle.type.phrase) is never in a list of \(Self.plural(item))", range: range,
                help: "list values of the same type as the one you look for"
            ))
        default:
            findings.append(.typeMismatch(
                "`\(op.rawValue)` needs a list or a string \(side), found \(haystack.type.phrase)",
                range: haystack.expression.range,
                help: "use `==` to compare single values, or a list like `[\"DE\", \"AT\"]`"
            ))
        }
    }

    static func plural(_ type: ExpressionType) -> String {
        switch type {
        case .list: "lists"
        case .object: "objects"
        default: String(type.phrase.drop { $0 != " " }.dropFirst()) + "s"
        }
    }

    mutating func arithmetic(_ op: BinaryOperator, _ lhs: Operand, _ rhs: Operand, range: Range<Int>) -> ExpressionType {
        if lhs.type == .null || rhs.type == .null {
            findings.append(.typeMismatch(
                "`\(op.rawValue)` with `null` always yields null", range: range,
                help: "remove the `null` operand"
            ))
            return .null
        }
        let lhsType = Self.arithmeticType(lhs)
        let rhsType = Self.arithmeticType(rhs)
        guard lhsType != .unknown, rhsType != .unknown else { return .unknown }
        if let result = Self.arithmeticResult(op, lhsType, rhsType) { return result }
        let message = op == .plus
            ? "cannot add \(rhsType.phrase) to \(lhsType.phrase)"
            : "cannot subtract \(rhsType.phrase) from \(lhsType.phrase)"
        findings.append(.typeMismatch(
            message, range: range,
            help: "`+` and `-` work on numbers, on timestamps and durations, and `+` joins strings"
        ))
        return .unknown
    }

    /// A string literal holding a timestamp or date counts as a timestamp next to `+`/`-`.
    static func arithmeticType(_ operand: Operand) -> ExpressionType {
        if case .literal(.string(let text)) = operand.expression.kind, RFC3339.parseTimestampOrDate(text) != nil {
            return .timestamp
        }
        return operand.type
    }

    static func arithmeticResult(_ op: BinaryOperator, _ lhs: ExpressionType, _ rhs: ExpressionType) -> ExpressionType? {
        let isTime: (ExpressionType) -> Bool = { $0 == .timestamp || $0 == .date }
        switch (lhs, rhs) {
        case (.number, .number): return .number
        case (.duration, .duration): return .duration
        case (.string, .string), (.string, .date), (.date, .string): return op == .plus ? .string : nil
        case let (time, .duration) where isTime(time): return .timestamp
        case let (.duration, time) where isTime(time): return op == .plus ? .timestamp : nil
        case let (a, b) where isTime(a) && isTime(b): return op == .minus ? .duration : (a == .date && b == .date ? .string : nil)
        default: return nil
        }
    }
}
