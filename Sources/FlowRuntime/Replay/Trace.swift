import FlowIR
import FlowSyntax

/// Receives the replay's decisions in detail, alongside the run records: what changed, what
/// was considered and why it went the way it did. Set `Replayer.tracer` to receive them; a
/// replay without a tracer builds none of this.
///
/// Flows and steps are positions: `CompiledProject.flows[flow].steps[step]`.
public protocol ReplayTracer: AnyObject {
    /// One decision of the replay about `contact`, at replay time `time` (ms since the epoch).
    func trace(_ event: TraceEvent, contact: String, time: Int64)
}

/// One traced decision of the replay (see `ReplayTracer`).
public enum TraceEvent {
    /// An event of the log is applied now (the timers due at or before it have fired).
    case event(Event)
    /// An `identify` or an `update` step changed a trait (nil: unset).
    case traitChanged(key: String, old: Value?, new: Value?)
    /// A feedback event (spec 4.8) suppressed mail to the contact, or lifted that.
    case suppressionChanged(Suppression, suppressed: Bool)
    /// A condition was evaluated. `environment` answers lookups as the condition saw them, and
    /// only while the `trace` call lasts.
    case condition(flow: Int, ConditionSite, held: Bool, environment: any ExpressionEnvironment)
    /// A date or inactivity trigger was (re)armed to fire at `due`.
    case triggerArmed(flow: Int, due: Int64)
    /// A date trigger was cancelled (its trait unset or not a date).
    case triggerCancelled(flow: Int)
    /// A date or inactivity trigger fired; the entry checks follow.
    case triggerFired(flow: Int, trigger: TriggerEvent)
    /// The entry checks refused a trigger (a `skip` record with step null follows).
    case entryRefused(flow: Int, EntryRefusal)
    /// An instance reached a step; `resumed` when a postponed send runs its checks again
    /// (the same visit, spec 4.6).
    case stepReached(flow: Int, step: Int, resumed: Bool)
    /// An instance at `step` will go on at `due`.
    case timerSet(flow: Int, step: Int, due: Int64, TimerPurpose)
    /// An instance's timer at `step` came due and the instance goes on.
    case timerFired(flow: Int, step: Int, TimerPurpose)
    /// A `wait_for` step saw its event.
    case waitForMatched(flow: Int, step: Int, event: String)
    /// A branch chose its first true case (`taken`), or none (nil: `else` or the next step).
    /// `environment` answers lookups as the conditions saw them, only during the `trace` call.
    case branchTaken(flow: Int, step: Int, taken: Int?, environment: any ExpressionEnvironment)
    /// A split (or an A/B send, `isVariant`) chose the option at `option` by `bucket` (spec 4.7).
    case optionChosen(flow: Int, step: Int, bucket: Int, option: Int, isVariant: Bool)
}

/// Which condition of a flow a `TraceEvent.condition` is about.
public enum ConditionSite: Sendable, Equatable {
    /// The event trigger's or inactivity trigger's `where`.
    case trigger
    /// The flow's `audience`, at entry (`step` nil) or before a send.
    case audience(step: Int?)
    case goal
    /// The exit rule at this position of `exit`.
    case exit(Int)
    /// The `where` of the `wait_for` step at this position.
    case waitFor(step: Int)
}

/// Why the entry checks (spec 2.2) refused a trigger.
public enum EntryRefusal: Sendable, Equatable {
    /// The entry key was null.
    case noKey
    /// `reentry` forbids it: the previous entry with this key, and how many there were.
    case reentry(previousEntry: Int64, entries: Int)
    /// An instance with this key is running and `retrigger` is `ignore`.
    case active(key: String?)
    /// The audience was false (a `condition` event with the values precedes this).
    case audience

    /// The skip reason of the run record.
    public var reason: String {
        switch self {
        case .noKey: "no_key"
        case .reentry: "reentry"
        case .active: "active"
        case .audience: "audience"
        }
    }
}

/// What an instance timer is for.
public enum TimerPurpose: Sendable, Equatable {
    /// A `wait` step.
    case wait
    /// The `within` deadline of a `wait_for` step.
    case waitForDeadline
    /// A send postponed until the delivery window opens.
    case window
}
