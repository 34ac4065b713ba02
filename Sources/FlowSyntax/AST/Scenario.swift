/// A scenario file (`*.test.yaml`): flows as tested code. One file holds one or more scenarios;
/// `flow` is the default flow every expectation in the file is about.
/// Values that failed to decode are absent; the decoder reported why.
public struct ScenarioFile: Sendable {
    public var source: SourceFile
    /// The file's default flow for expectations.
    public var flow: Located<String>?
    public var scenarios: [Scenario]

    public init(source: SourceFile) {
        self.source = source
        scenarios = []
    }
}

/// One scenario: a start instant, contacts, events at times relative to the start, and what
/// the replay must (and must not) do with them.
public struct Scenario: Sendable {
    /// Unique in the project; names the scenario in test output.
    public var name: Located<String>
    /// The path of the scenario's file.
    public var file: String
    /// The whole scenario mapping.
    public var span: SourceSpan
    public var description: String?
    /// The default flow of expectations: the scenario's own `flow`, else the file's.
    public var flow: Located<String>?
    /// The instant every relative time counts from (milliseconds since the epoch).
    public var start: Located<Int64>?
    public var contacts: [ScenarioContact]
    /// Events in the order written (the runner orders them by time, keeping this order for ties).
    public var events: [ScenarioEvent]
    /// Where the clock stops; nil: the latest time the scenario names, then on while instances run.
    public var until: ScenarioTime?
    public var expectations: [Expectation]

    public init(name: Located<String>, file: String, span: SourceSpan) {
        self.name = name
        self.file = file
        self.span = span
        contacts = []
        events = []
        expectations = []
    }

    /// The contact an event or expectation without `contact:` is about: the only one declared.
    public var soleContact: ScenarioContact? { contacts.count == 1 ? contacts.first : nil }
}

/// A contact of a scenario: identified at the start with its traits (and `timezone`).
public struct ScenarioContact: Sendable {
    /// Default `contact` for a scenario's single `contact:`.
    public var id: Located<String>
    /// Sets the trait `timezone`; local times of the scenario use the zone it names.
    public var timezone: Located<String>?
    /// Traits in the order written.
    public var traits: [TraitValue]
    public var span: SourceSpan

    public init(id: Located<String>, span: SourceSpan) {
        self.id = id
        self.span = span
        traits = []
    }
}

/// A trait name with a value, as written in a contact, an `identify` or a `traits` expectation.
public struct TraitValue: Sendable {
    public var trait: Located<String>
    public var value: Located<Value>

    public init(trait: Located<String>, value: Located<Value>) {
        self.trait = trait
        self.value = value
    }
}

/// A time in a scenario: an absolute RFC 3339 instant, or an offset from the start, optionally
/// at a local time of day on the day it lands on (`+2d 09:00`: two days after the start's local
/// date, at 09:00 in the contact's timezone).
public struct ScenarioTime: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Milliseconds since the epoch.
        case absolute(Int64)
        /// Milliseconds after the start (negative when written with `-`); with `at`, whole days.
        case relative(offset: Int64, at: TimeOfDay?)
    }

    public var kind: Kind
    /// The text as written, for messages.
    public var text: String
    public var span: SourceSpan

    public init(kind: Kind, text: String, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }
}

/// An event of a scenario: a `track` with properties or an `identify` with traits.
public struct ScenarioEvent: Sendable {
    public enum Kind: Sendable {
        case track(name: Located<String>, properties: Value.Object)
        case identify(traits: [TraitValue])
    }

    public var time: ScenarioTime
    /// The contact id; nil means the scenario's only contact.
    public var contact: Located<String>?
    public var kind: Kind
    /// The whole event mapping.
    public var span: SourceSpan

    public init(time: ScenarioTime, contact: Located<String>?, kind: Kind, span: SourceSpan) {
        self.time = time
        self.contact = contact
        self.kind = kind
        self.span = span
    }
}

/// One expectation about the run: its kind, whose it is, and where it is written.
public struct Expectation: Sendable {
    public enum Kind: Sendable {
        /// At least one matching send (exactly `count` when given).
        case sent(MessageMatch)
        /// No matching send.
        case notSent(MessageMatch)
        /// At least one matching skip record.
        case skipped(SkipMatch)
        /// At least one matching end of an instance.
        case ended(EndMatch)
        /// The contact's traits after the run; a null value means the trait is absent.
        case traits([TraitValue])
    }

    public var kind: Kind
    /// The contact id; nil means the scenario's only contact.
    public var contact: Located<String>?
    /// The whole expectation mapping (where failures point).
    public var span: SourceSpan
    public init(kind: Kind, contact: Located<String>?, span: SourceSpan) {
        self.kind = kind
        self.contact = contact
        self.span = span
    }
}

extension Expectation {
    /// The expectation's `at` or `between`, if any.
    public var timeMatch: TimeMatch? {
        switch kind {
        case .sent(let match), .notSent(let match): match.time
        case .skipped(let match): match.time
        case .ended(let match): match.time
        case .traits: nil
        }
    }
}

/// When a record must have happened: exactly `at`, or within `between` (both ends included).
public enum TimeMatch: Sendable {
    case at(ScenarioTime)
    case between(ScenarioTime, ScenarioTime)

    public var times: [ScenarioTime] {
        switch self {
        case .at(let time): [time]
        case .between(let from, let to): [from, to]
        }
    }
}

/// Which sends a `sent` / `not_sent` expectation is about. Absent fields match anything;
/// the decoder fills an absent `flow` with the scenario's default flow.
public struct MessageMatch: Sendable {
    public var flow: Located<String>?
    public var step: Located<String>?
    public var template: Located<String>?
    public var variant: Located<String>?
    public var time: TimeMatch?
    public var count: Located<Int>?

    public init() {}
}

/// Which skip records a `skipped` expectation is about (spec 4.6 and 2.2 reasons); no `step`
/// matches entry refusals too.
public struct SkipMatch: Sendable {
    public var flow: Located<String>?
    public var step: Located<String>?
    public var reason: Located<String>?
    public var time: TimeMatch?

    public init() {}
}

/// Which instance ends an `ended` expectation is about (spec 4.4 reasons).
public struct EndMatch: Sendable {
    public var flow: Located<String>?
    public var reason: Located<String>?
    public var time: TimeMatch?

    public init() {}
}
