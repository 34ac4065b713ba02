/// A YAML node with its source span. Produced by `YAMLParser`; anchors, aliases,
/// merge keys and duplicate keys never reach this model.
public enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    public var span: SourceSpan {
        switch self {
        case .scalar(let s): s.span
        case .mapping(let m): m.span
        case .sequence(let s): s.span
        }
    }

    /// A short name of the node's kind for messages: "a string", "a mapping", "a list".
    public var kindDescription: String {
        switch self {
        case .scalar(let s): s.isNull ? "null" : "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    public var scalar: YAMLScalar? { if case .scalar(let s) = self { s } else { nil } }
    public var mapping: YAMLMapping? { if case .mapping(let m) = self { m } else { nil } }
    public var sequence: YAMLSequence? { if case .sequence(let s) = self { s } else { nil } }
}

/// A scalar exactly as written: its text is never typed by YAML 1.1 implicit resolution;
/// the key it stands under decides what it means.
public struct YAMLScalar: Sendable {
    public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public var value: String
    public var style: Style
    public var span: SourceSpan

    public init(value: String, style: Style, span: SourceSpan) {
        self.value = value
        self.style = style
        self.span = span
    }

    /// An unquoted empty value, `~` or `null`.
    public var isNull: Bool {
        style == .plain && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }

    /// Where the character at `offset` (in Unicode scalars) of `value` stands in the source,
    /// for scalars whose value maps one-to-one onto a single source line or a literal block.
    /// To map many offsets of one scalar, make one `locator(in:)` and ask it.
    public func location(ofOffset offset: Int, in source: SourceFile) -> SourceLocation {
        locator(in: source).location(ofOffset: offset)
    }

    /// Maps offsets of `value` onto `source` in logarithmic time each, after one pass over the value.
    public func locator(in source: SourceFile) -> YAMLScalarLocator {
        YAMLScalarLocator(self, in: source)
    }
}

/// A mapping whose keys are scalars, in source order, without duplicates.
public struct YAMLMapping: Sendable {
    public struct Entry: Sendable {
        public var key: YAMLScalar
        public var value: YAMLNode
    }

    public var entries: [Entry]
    public var span: SourceSpan

    public init(entries: [Entry], span: SourceSpan) {
        self.entries = entries
        self.span = span
    }

    public subscript(key: String) -> YAMLNode? {
        entries.first { $0.key.value == key }?.value
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key.value == key }
    }
}

/// A sequence in source order.
public struct YAMLSequence: Sendable {
    public var items: [YAMLNode]
    public var span: SourceSpan

    public init(items: [YAMLNode], span: SourceSpan) {
        self.items = items
        self.span = span
    }
}
