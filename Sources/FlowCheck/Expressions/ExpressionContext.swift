import FlowSyntax

/// What an expression may refer to where it stands in a flow.
public struct ExpressionContext: Sendable {
    /// The roots usable here (`event` only where a candidate event exists).
    public var roots: Set<PathRoot>
    /// The event the `event` root is.
    public var event: EventShape
    /// The event the `trigger` root is.
    public var trigger: EventShape
    /// The project schema; nil means not strict (no FC305/FC306).
    public var schema: Schema?
    /// Ids of all steps of the flow, and of its send steps (for `opened`/`clicked`, FC107).
    public var steps: Set<String>
    public var sendSteps: Set<String>
    /// Whether the expression is a condition (`where`, `audience`, `if`): it must be able to
    /// yield `true` and should not be constant (FC307).
    public var isCondition: Bool

    public init(
        roots: Set<PathRoot>, event: EventShape = .unknown, trigger: EventShape = .unknown, schema: Schema? = nil,
        steps: Set<String> = [], sendSteps: Set<String> = [], isCondition: Bool
    ) {
        self.roots = roots
        self.event = event
        self.trigger = trigger
        self.schema = schema
        self.steps = steps
        self.sendSteps = sendSteps
        self.isCondition = isCondition
    }
}

/// What is known about the event behind `event` or `trigger`.
public enum EventShape: Hashable, Sendable {
    /// Nothing: any property may exist.
    case unknown
    /// One of these track events; with a schema their declared properties are known.
    case named([String])
    /// The synthetic event of a date trigger: `{event: "date", properties: {date: "YYYY-MM-DD"}}`.
    case dateTrigger
}
