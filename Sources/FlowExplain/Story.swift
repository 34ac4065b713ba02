import FlowSyntax

/// One contact's story in a replayed log (`flowc explain`): everything that happened to them,
/// in replay order, with the reasons the replay had.
public struct Story: Sendable {
    public var contact: String
    public var entries: [StoryEntry]

    public init(contact: String, entries: [StoryEntry]) {
        self.contact = contact
        self.entries = entries
    }
}

/// One moment of a story: when, where in which flow, and what happened.
public struct StoryEntry: Sendable {
    /// Replay time, with the contact's local reading (their zone at that moment).
    public var time: StoryTime
    /// The flow id, for entries about a flow.
    public var flow: String?
    /// The step id (`#N` when unnamed), for entries about a step.
    public var step: String?
    public var event: StoryEvent
}

/// An instant and the contact's local reading of it.
public struct StoryTime: Sendable, Equatable {
    /// Milliseconds since the epoch.
    public var utc: Int64
    public var local: LocalTime
}

/// A local wall-clock reading and the zone it was read in.
public struct LocalTime: Sendable, Equatable {
    public var date: CivilDate
    /// Milliseconds since local midnight.
    public var millisecondOfDay: Int
    public var weekday: Weekday
    /// Seconds east of UTC.
    public var offset: Int
    /// The IANA zone name.
    public var zone: String
}

/// What happened at one moment of a story.
public enum StoryEvent: Sendable {
    /// A track event of the contact.
    case event(name: String, properties: Value.Object)
    /// A trait changed (nil: unset), by an `identify` or by an `update` step (`step` is set).
    case trait(key: String, old: Value?, new: Value?)
    /// An event trigger's or inactivity trigger's `where` was false for the event.
    case triggerNotMatched(event: String, condition: ConditionDetail)
    /// A date or inactivity trigger is set to fire at `due`.
    case triggerArmed(kind: TriggerKind, due: StoryTime)
    case triggerCancelled(kind: TriggerKind)
    case triggerFired(kind: TriggerKind)
    /// The instance started: `entry` counts the entries of this (flow, contact, key) from 1.
    case entered(trigger: String, key: String?, entry: Int)
    /// The entry checks refused the trigger.
    case notEntered(trigger: String, reason: String, detail: String, condition: ConditionDetail?)
    /// The instance reached a step; `action` says what the step does (`wait 1d`, `send note`).
    case step(kind: String, action: String)
    /// The instance waits until `until` (a `wait` step, or a `wait_for` step's deadline).
    case waiting(until: StoryTime, forEvent: String?)
    case waitOver
    case waitForMatched(event: String, condition: ConditionDetail?)
    case waitForTimedOut(event: String)
    /// A branch: the conditions it evaluated, in order, and where it went.
    case branch(conditions: [ConditionDetail], target: String)
    /// A split or an A/B send chose an option by the contact's bucket (spec 4.7).
    case choice(isVariant: Bool, bucket: Int, option: Int, chosen: String)
    /// A send outside the delivery window waits for it to open.
    case postponed(window: String, until: StoryTime)
    case windowOpened
    case sent(id: String, template: String, variant: String?, subject: String, to: String)
    case skipped(reason: String, detail: String)
    /// The audience was false before a send; the instance ends.
    case audienceFailed(condition: ConditionDetail)
    /// A goal or exit event of a running instance, with its `where` when it has one.
    case goal(event: String, matched: Bool, condition: ConditionDetail?)
    case exit(event: String, matched: Bool, condition: ConditionDetail?)
    case ended(reason: String)

    public enum TriggerKind: String, Sendable {
        case date, inactivity
    }
}

/// A condition as written, whether it held, and the values of what it reads, as it saw them.
public struct ConditionDetail: Sendable, Equatable {
    public var text: String
    public var held: Bool
    /// Each path or function call the condition reads, as text, with its value.
    public var values: [Reading]

    public struct Reading: Sendable, Equatable {
        public var expression: String
        public var value: Value
    }
}
