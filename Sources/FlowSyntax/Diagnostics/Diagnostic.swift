

/// How serious a diagnostic is. `error` fails `flowc check`; `warning` fails it with `--strict`.
public enum Severity: String, Sendable, Comparable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding of the checker: what is wrong, where, and how to fix it.
///
/// Every output format (text, JSON, GitHub annotations, SARIF) renders this one model.
public struct Diagnostic: Hashable, Sendable {
    /// The path as given on the command line joined with the path inside it.
    public var file: String
    /// The primary span the diagnostic points at.
    public var span: SourceSpan
    public var severity: Severity
    /// The catalog code, e.g. `FC101`.
    public var code: String
    /// Lowercase, no trailing period, names in backticks.
    public var message: String
    /// A short label under the caret in text output (e.g. "no step has this id").
    public var label: String?
    /// How to fix it, e.g. "did you mean `discount-offer`?".
    public var help: String?
    /// Other places that explain the finding, e.g. where a duplicated id was first defined.
    public var related: [RelatedLocation]

    public init(
        file: String, span: SourceSpan, severity: Severity, code: String,
        message: String, label: String? = nil, help: String? = nil,
        related: [RelatedLocation] = []
    ) {
        self.file = file
        self.span = span
        self.severity = severity
        self.code = code
        self.message = message
        self.label = label
        self.help = help
        self.related = related
    }

    /// Sort order for output: file, then position, then code.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        return a.code < b.code
    }
}

/// A secondary place a diagnostic points at, with a short label ("first defined here").
public struct RelatedLocation: Hashable, Sendable {
    /// The path as given on the command line joined with the path inside it.
    public var file: String
    public var span: SourceSpan
    /// Lowercase, no trailing period, e.g. "first defined here".
    public var message: String

    public init(file: String, span: SourceSpan, message: String) {
        self.file = file
        self.span = span
        self.message = message
    }
}
