import FlowSyntax

/// The outcome of one scenario: its failures, and the expected-versus-actual timeline that
/// explains them.
public struct ScenarioResult: Sendable {
    public var name: String
    /// The scenario's file and the span of its mapping.
    public var file: String
    public var span: SourceSpan
    /// The scenario's start (milliseconds since the epoch).
    public var start: Int64
    /// One per expectation that did not hold (or per problem running the scenario), in source order.
    public var failures: [ScenarioFailure]
    /// What happened and what was expected, in time order, as diff lines.
    public var timeline: [TimelineLine]

    public var passed: Bool { failures.isEmpty }
}

/// One expectation that did not hold: where it is written and what went wrong.
public struct ScenarioFailure: Sendable, Equatable {
    public var file: String
    public var span: SourceSpan
    /// Lowercase, names in backticks, e.g. "expected a send of step `discount` ..., found none".
    public var message: String

    /// `file:line:col`, the position editors and CI annotate.
    public var position: String { "\(file):\(span.start.line):\(span.start.column)" }
}

/// One line of a scenario's timeline diff.
public struct TimelineLine: Sendable, Equatable {
    public enum Mark: String, Sendable {
        /// It happened (and, if an expectation names it, was expected).
        case happened = " "
        /// Expected, but it did not happen.
        case missing = "-"
        /// It happened, but an expectation says it must not.
        case unexpected = "+"
    }

    public var mark: Mark
    /// nil for lines about the state after the run (traits).
    public var time: Int64?
    /// The contact the line is about.
    public var contact: String
    /// What happened or was expected, e.g. "send abandoned-cart/reminder cart-reminder".
    public var text: String
    /// The position of the expectation the line belongs to, for `-` and `+` lines.
    public var expectation: String?
}
