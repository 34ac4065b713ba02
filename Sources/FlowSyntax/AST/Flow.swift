/// A flow file (`*.flow.yaml`, spec section 2) as a typed tree with a span on every value.
/// Values that failed to decode are absent; the decoder reported why.
public struct Flow: Sendable {
    public var source: SourceFile
    public var root: YAMLMapping
    public var id: Located<String>?
    public var name: String?
    public var description: String?
    public var transactional: Bool
    public var trigger: Trigger?
    public var audience: ExpressionText?
    public var entry: Entry
    public var goal: EventMatch?
    public var exits: [EventMatch]
    public var delivery: DeliverySettings
    public var steps: [Step]
    /// The `steps` key, where whole-flow timing diagnostics point.
    public var stepsKey: SourceSpan?

    public init(source: SourceFile, root: YAMLMapping) {
        self.source = source
        self.root = root
        transactional = false
        entry = Entry()
        exits = []
        delivery = DeliverySettings()
        steps = []
    }
}

/// What starts an instance (spec 2.1). `key` is the span of the `trigger` key.
public struct Trigger: Sendable {
    public enum Kind: Sendable {
        case event(name: Located<String>, where: ExpressionText?)
        case date(DateTrigger)
        case inactivity(InactivityTrigger)
    }

    public var kind: Kind
    public var key: SourceSpan
}

/// `trigger: {date: contact.TRAIT, offset?, at?, repeat?}`.
public struct DateTrigger: Sendable {
    public enum Repeat: String, Sendable { case yearly, once }

    /// The expression naming the trait, e.g. `contact.birthday`.
    public var date: ExpressionText
    /// Signed whole days in milliseconds; default 0.
    public var offset: Located<Int64>?
    public var at: TimeOfDay
    public var repeats: Repeat
}

/// `trigger: {inactivity: {event, for, where?}}`.
public struct InactivityTrigger: Sendable {
    public var event: Located<String>
    public var duration: Located<Int64>
    public var `where`: ExpressionText?
}

/// `entry:` rules (spec 2.2).
public struct Entry: Sendable {
    public enum Reentry: Sendable, Equatable {
        case always, once
        case after(Int64)
    }

    public enum Retrigger: String, Sendable { case ignore, restart }

    public var key: ExpressionText?
    public var reentry: Located<Reentry>?
    public var retrigger: Retrigger = .ignore

    public init() {}
}

/// An event with an optional condition: `goal`, an `exit` rule.
public struct EventMatch: Sendable {
    public var event: Located<String>
    public var `where`: ExpressionText?
    public var span: SourceSpan
}

/// A setting that may be left to the project default, switched off with `none`, or given.
public enum Setting<Wrapped: Sendable>: Sendable {
    case inherit
    case none
    case value(Wrapped)
}

/// `frequency_cap: {max, per}`.
public struct FrequencyCap: Sendable, Equatable {
    public var max: Int
    /// Milliseconds.
    public var per: Int64

    public init(max: Int, per: Int64) {
        self.max = max
        self.per = per
    }
}

/// `delivery:` in a flow or in `flowc.yaml`.
public struct DeliverySettings: Sendable {
    public var window: Setting<DeliveryWindow> = .inherit
    public var frequencyCap: Setting<FrequencyCap> = .inherit
    public var from: Located<String>?

    public init() {}
}

/// One step of a flow (spec 2.3).
public struct Step: Sendable {
    public var id: Located<String>?
    /// The `id` key, where a duplicate id is reported.
    public var idKey: SourceSpan?
    public var action: StepAction
    /// The whole step node.
    public var span: SourceSpan
    /// 0-based position in `steps`.
    public var index: Int

    /// The name used in output: the id, else `#N` (1-based position).
    public var name: String { id?.value ?? "#\(index + 1)" }
}

/// A jump target: a step id or `end`.
public typealias JumpTarget = Located<String>

public enum StepAction: Sendable {
    case wait(Wait)
    case send(Send)
    case waitFor(WaitFor)
    case branch(Branch)
    case split(Split)
    case goto(JumpTarget)
    case update(Update)
    case end

    /// The action key as written (`wait`, `send`, ...).
    public var keyword: String {
        switch self {
        case .wait: "wait"
        case .send: "send"
        case .waitFor: "wait_for"
        case .branch: "branch"
        case .split: "split"
        case .goto: "goto"
        case .update: "update"
        case .end: "end"
        }
    }
}

public enum Wait: Sendable {
    /// `wait: 2d` or `wait: {for: 2d}`.
    case duration(Located<Int64>)
    /// `wait: {until: "09:00", on: [mon]}`.
    case until(time: Located<TimeOfDay>, on: Located<[Weekday]>?)
    /// `wait: {days: 1, at: "15:00"}`.
    case calendar(days: Located<Int>, at: TimeOfDay)
    /// `wait: {date: EXPR, offset: -1d}`.
    case date(ExpressionText, offset: Int64)
}

public enum Send: Sendable {
    /// `send: T` or `send: {template, subject?, from?}`.
    case template(name: Located<String>, subject: YAMLScalar?, from: Located<String>?)
    /// `send: {variants: [...]}`; `list` is the `variants` list.
    case variants([Variant], list: SourceSpan)

    public struct Variant: Sendable {
        public var template: Located<String>
        public var weight: Located<Int>
    }
}

public struct WaitFor: Sendable {
    public var event: Located<String>
    public var `where`: ExpressionText?
    public var within: Located<Int64>
    public var then: JumpTarget?
    public var timeout: JumpTarget?
}

public struct Branch: Sendable {
    public enum Case: Sendable {
        case condition(ExpressionText, goto: JumpTarget, span: SourceSpan)
        case otherwise(JumpTarget, span: SourceSpan)

        public var target: JumpTarget {
            switch self {
            case .condition(_, let goto, _): goto
            case .otherwise(let goto, _): goto
            }
        }

        public var span: SourceSpan {
            switch self {
            case .condition(_, _, let span): span
            case .otherwise(_, let span): span
            }
        }
    }

    public var cases: [Case]
}

public struct Split: Sendable {
    public struct Option: Sendable {
        public var weight: Located<Int>
        public var goto: JumpTarget
        public var span: SourceSpan
    }

    public var options: [Option]
    /// The `split` list.
    public var list: SourceSpan
}

/// `update: {TRAIT: VALUE}`; a null value removes the trait.
public struct Update: Sendable {
    public struct Assignment: Sendable {
        public var trait: Located<String>
        public var value: Located<Value>
    }

    public var assignments: [Assignment]
}
