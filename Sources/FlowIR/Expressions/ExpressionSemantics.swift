import FlowSyntax

/// The value rules of spec section 3. Nothing here traps: ill-typed operations yield null
/// or false, and time arithmetic that would overflow yields null.
///
/// Decisions where the spec is silent: a string is read as a time (RFC 3339, or `YYYY-MM-DD`
/// as midnight UTC) wherever it meets a timestamp in a comparison, `in`/`contains` or `+`/`-`
/// with a timestamp or duration, and `-` between two strings subtracts them as times.
public enum ExpressionSemantics {
    /// Whether a condition holds: only boolean `true` does.
    @inlinable public static func holds(_ value: Value) -> Bool { value == .bool(true) }

    /// `==`: false between different types, except numbers (one type) and a string read as a time.
    public static func equals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.number(x), .number(y)): x.double == y.double
        case let (.string(x), .string(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case let (.timestamp(x), .timestamp(y)), let (.duration(x), .duration(y)): x == y
        case let (.timestamp(time), .string(text)), let (.string(text), .timestamp(time)):
            RFC3339.parseTimestampOrDate(text) == time
        case let (.list(x), .list(y)): x.count == y.count && zip(x, y).allSatisfy(equals)
        case let (.object(x), .object(y)): x == y
        default: false
        }
    }

    /// The order of two values, or nil when they have none (null, different types, booleans...).
    public static func order(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case let (.number(x), .number(y)): threeWay(x.double, y.double)
        case let (.string(x), .string(y)): x == y ? 0 : (x < y ? -1 : 1)
        case let (.timestamp(x), .timestamp(y)), let (.duration(x), .duration(y)): threeWay(x, y)
        case let (.timestamp(time), .string(text)): RFC3339.parseTimestampOrDate(text).flatMap { threeWay(time, $0) }
        case let (.string(text), .timestamp(time)): RFC3339.parseTimestampOrDate(text).flatMap { threeWay($0, time) }
        default: nil
        }
    }

    private static func threeWay<T: Comparable>(_ x: T, _ y: T) -> Int? {
        x < y ? -1 : (x > y ? 1 : (x == y ? 0 : nil))
    }

    /// A comparison operator applied to two values.
    public static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Bool {
        switch op {
        case .equal: return equals(a, b)
        case .notEqual: return !equals(a, b)
        case .in: return isMember(a, of: b)
        case .contains: return isMember(b, of: a)
        default:
            guard let order = order(a, b) else { return false }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        }
    }

    /// `needle in haystack`: list membership (by `==`), or a substring of a string.
    public static func isMember(_ needle: Value, of haystack: Value) -> Bool {
        switch (needle, haystack) {
        case let (_, .list(items)): items.contains { equals(needle, $0) }
        case let (.string(part), .string(whole)): containsSubstring(whole, part)
        default: false
        }
    }

    /// Substring test on Unicode scalars (UTF-8 bytes match exactly when scalars do).
    static func containsSubstring(_ whole: String, _ part: String) -> Bool {
        let haystack = Array(whole.utf8)
        let needle = Array(part.utf8)
        guard needle.count <= haystack.count else { return false }
        guard !needle.isEmpty else { return true }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// `a + b`: numbers, durations, time + duration, string concatenation; else null.
    public static func add(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(Value.Number(x.double + y.double))
        case let (.string(x), .string(y)): return .string(x + y)
        case let (.duration(x), .duration(y)): return checked(x.addingReportingOverflow(y), as: Value.duration)
        case let (_, .duration(offset)):
            return instant(a).map { checked($0.addingReportingOverflow(offset), as: Value.timestamp) } ?? .null
        case let (.duration(offset), _):
            return instant(b).map { checked($0.addingReportingOverflow(offset), as: Value.timestamp) } ?? .null
        default: return .null
        }
    }

    /// `a - b`: numbers, durations, time − duration, time − time (a duration); else null.
    public static func subtract(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(Value.Number(x.double - y.double))
        case let (.duration(x), .duration(y)): return checked(x.subtractingReportingOverflow(y), as: Value.duration)
        case let (_, .duration(offset)):
            return instant(a).map { checked($0.subtractingReportingOverflow(offset), as: Value.timestamp) } ?? .null
        default:
            guard let x = instant(a), let y = instant(b) else { return .null }
            return checked(x.subtractingReportingOverflow(y), as: Value.duration)
        }
    }

    /// A timestamp, or a string read as one.
    static func instant(_ value: Value) -> Int64? {
        switch value {
        case .timestamp(let time): time
        case .string(let text): RFC3339.parseTimestampOrDate(text)
        default: nil
        }
    }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool), as make: (Int64) -> Value) -> Value {
        result.overflow ? .null : make(result.partialValue)
    }
}
