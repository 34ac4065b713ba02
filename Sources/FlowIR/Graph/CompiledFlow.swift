import FlowSyntax

/// A flow compiled for replay: jumps resolved to step positions, durations in milliseconds,
/// expressions compiled once, project defaults applied.
public struct CompiledFlow: Sendable {
    public enum TriggerKind: Sendable {
        case event(name: String, where: CompiledExpression?)
        /// `trait` is the contact trait holding the date.
        case date(trait: String, offsetDays: Int, at: TimeOfDay, repeats: DateTrigger.Repeat)
        case inactivity(event: String, duration: Int64, where: CompiledExpression?)
    }

    public struct Match: Sendable {
        public var event: String
        public var `where`: CompiledExpression?
    }

    public var id: String
    public var transactional: Bool
    public var trigger: TriggerKind
    public var audience: CompiledExpression?
    public var entryKey: CompiledExpression?
    public var reentry: Entry.Reentry
    public var retrigger: Entry.Retrigger
    public var goal: Match?
    public var exits: [Match]
    /// nil: always open.
    public var window: DeliveryWindow?
    /// nil: no cap.
    public var frequencyCap: FrequencyCap?
    public var steps: [CompiledStep]

    /// The position that means "the instance completes".
    public var endPosition: Int { steps.count }
}

/// One step: its output name (`id`, else `#N`) and what it does.
public struct CompiledStep: Sendable {
    public var name: String
    public var action: CompiledAction
}

/// Step actions with jump targets as step positions (`CompiledFlow.endPosition` completes).
public enum CompiledAction: Sendable {
    case wait(Int64)
    case waitUntil(TimeOfDay, on: Set<Weekday>?)
    case waitCalendar(days: Int, at: TimeOfDay)
    case waitDate(CompiledExpression, offset: Int64)
    case send(CompiledSend)
    case waitFor(CompiledWaitFor)
    case branch([(condition: CompiledExpression, target: Int)], otherwise: Int)
    case split(weights: [Int], targets: [Int])
    case goto(Int)
    case update([(trait: String, value: Value)])
    case end
}

/// A send step: one option, or A/B variants with weights summing to 100.
public struct CompiledSend: Sendable {
    public struct Option: Sendable {
        public var weight: Int
        /// Template, variant, subject override and resolved `from` (step, else template, else
        /// flow, else project), with the flow and step they belong to.
        public var origin: SendOrigin

        public var template: String { origin.template }
    }

    public var options: [Option]

    /// Whether the step picks among A/B variants.
    public var isABTest: Bool { options.first?.origin.variant != nil }
}

public struct CompiledWaitFor: Sendable {
    public var event: String
    public var `where`: CompiledExpression?
    public var within: Int64
    public var then: Int
    public var timeout: Int
}
