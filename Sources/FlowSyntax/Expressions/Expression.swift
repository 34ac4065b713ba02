/// A parsed expression (spec section 3). Every node carries `range`: the Unicode-scalar offsets
/// of its text in the expression source, so callers can map it onto a YAML scalar with
/// `YAMLScalar.location(ofOffset:in:)`. A parenthesized node's range includes its parentheses.
public struct Expression: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        /// A string, number, duration, boolean or null literal.
        case literal(Value)
        /// `[a, b, ...]`
        case list([Expression])
        /// `contact.x`, `event.properties["a b"]`.
        case path(PathRoot, [PathComponent])
        /// `name(arguments)`; the name is not validated by the parser (see `ExpressionFunction`).
        case call(String, [Expression])
        /// `not operand`
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression)
    }

    public var kind: Kind
    public var range: Range<Int>

    public init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// The expressions directly inside this one: list items, call arguments, operands.
    public var operands: [Expression] {
        switch kind {
        case .literal, .path: []
        case .list(let items), .call(_, let items): items
        case .not(let operand): [operand]
        case .binary(_, let lhs, let rhs): [lhs, rhs]
        }
    }

    /// Whether the expression reads no path and calls no function, so its value never changes.
    public var isConstant: Bool {
        switch kind {
        case .literal: true
        case .path, .call: false
        case .list(let items): items.allSatisfy(\.isConstant)
        case .not(let operand): operand.isConstant
        case .binary(_, let lhs, let rhs): lhs.isConstant && rhs.isConstant
        }
    }
}

/// Whose data a path reads.
public enum PathRoot: String, Hashable, Sendable, CaseIterable {
    /// The contact's traits, plus `id` and `email`.
    case contact
    /// The candidate event (trigger `where`, entry `key`, `goal`, `exit`, `wait_for`, inactivity `where`).
    case event
    /// The event that started the instance.
    case trigger
}

/// One step of a path: `.name` or `["name"]`, with the range of the name as written.
public struct PathComponent: Hashable, Sendable {
    public var name: String
    public var range: Range<Int>

    public init(name: String, range: Range<Int>) {
        self.name = name
        self.range = range
    }
}

/// The binary operators, loosest first: `or` < `and` < comparison < additive.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`, contains
    case plus = "+", minus = "-"

    /// Binding strength: higher binds tighter (`not` sits at 3, between `and` and comparisons).
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .contains: 4
        case .plus, .minus: 5
        }
    }

    public var isComparison: Bool { precedence == 4 }
    public var isOrdering: Bool { self == .less || self == .lessOrEqual || self == .greater || self == .greaterOrEqual }
    public var isLogical: Bool { self == .and || self == .or }
    public var isArithmetic: Bool { self == .plus || self == .minus }
}

/// The functions of the expression language and how many arguments each takes.
public enum ExpressionFunction: String, Hashable, Sendable, CaseIterable {
    case now, exists, count, last, since, opened, clicked, lower, len

    public init?(name: String) { self.init(rawValue: name) }

    public var arity: ClosedRange<Int> {
        switch self {
        case .now: 0...0
        case .count: 1...2
        case .exists, .last, .since, .opened, .clicked, .lower, .len: 1...1
        }
    }

    /// How the function is called, for messages: `count("Event", D?)`.
    public var signature: String {
        switch self {
        case .now: "now()"
        case .exists: "exists(path)"
        case .count: "count(\"Event\", duration?)"
        case .last: "last(\"Event\")"
        case .since: "since(\"Event\")"
        case .opened: "opened(\"step\")"
        case .clicked: "clicked(\"step\")"
        case .lower: "lower(string)"
        case .len: "len(string or list)"
        }
    }
}
