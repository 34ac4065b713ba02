import FlowSyntax

/// What the checker knows about the value an expression yields. Any value may also be null
/// at run time (a missing path); `unknown` never causes a finding.
public indirect enum ExpressionType: Hashable, Sendable {
    case unknown
    /// The literal `null`.
    case null
    case boolean, number, string, timestamp, duration, object
    /// A `YYYY-MM-DD` string (a `date` trait): compares with strings and timestamps.
    case date
    /// A list whose items have the given type (`unknown` when mixed or not known).
    case list(ExpressionType)

    public init(_ schemaType: SchemaType) {
        switch schemaType {
        case .string: self = .string
        case .number: self = .number
        case .boolean: self = .boolean
        case .date: self = .date
        case .timestamp: self = .timestamp
        case .list: self = .list(.unknown)
        case .object: self = .object
        }
    }

    /// Whether the type is known and not the literal `null`.
    var isKnownValue: Bool { self != .unknown && self != .null }

    /// Strings, dates and timestamps: each can be compared with the others
    /// (strings are read as RFC 3339 timestamps, dates as UTC midnight).
    var isTextOrTime: Bool { self == .string || self == .date || self == .timestamp }

    /// A string at run time (`lower`, `len`, `in` on strings, `+` concatenation).
    var isText: Bool { self == .string || self == .date }

    var isList: Bool { if case .list = self { true } else { false } }

    /// Whether comparing values of these types can ever be true.
    func isComparable(with other: ExpressionType) -> Bool {
        guard isKnownValue, other.isKnownValue else { return true }
        if isTextOrTime, other.isTextOrTime { return true }
        if case .list = self, case .list = other { return true }
        return self == other
    }

    /// For messages: "a string", "a list of numbers".
    public var phrase: String {
        switch self {
        case .unknown: "a value"
        case .null: "`null`"
        case .boolean: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .timestamp: "a timestamp"
        case .duration: "a duration"
        case .object: "an object"
        case .date: "a date"
        case .list: "a list"
        }
    }
}
