import FlowIR
import FlowSyntax

/// The trace calls of the replay, each made only when a tracer is set (`if let tracer { ... }`),
/// so that a replay without one builds no trace event.
extension Replayer {
    func traceTraitChange(_ contact: ContactState, key: String, from old: Value?, to new: Value?, _ tracer: ReplayTracer) {
        guard old != new else { return }
        tracer.trace(.traitChanged(key: key, old: old, new: new), contact: contact.id, time: now)
    }

    /// A condition that was just evaluated with the current scope.
    func traceCondition(_ flow: Int, _ site: ConditionSite, held: Bool, contact: ContactState, _ tracer: ReplayTracer) {
        tracer.trace(.condition(flow: flow, site, held: held, environment: self), contact: contact.id, time: now)
    }

    func traceRefusal(_ flow: Int, _ refusal: EntryRefusal, contact: ContactState, _ tracer: ReplayTracer) {
        tracer.trace(.entryRefused(flow: flow, refusal), contact: contact.id, time: now)
    }

    /// The goal and exit rules whose event `event` is but whose `where` was false, for an
    /// instance that none of them ended.
    func traceMisses(_ event: TriggerEvent, by instance: Instance, _ tracer: ReplayTracer) {
        let flow = project.flows[instance.flow]
        scope = Scope(contact: instance.contact, instance: instance, event: event, trigger: instance.trigger)
        if let goal = flow.goal, goal.event == event.name {
            traceCondition(instance.flow, .goal, held: false, contact: instance.contact, tracer)
        }
        for (position, exit) in flow.exits.enumerated() where exit.event == event.name {
            traceCondition(instance.flow, .exit(position), held: false, contact: instance.contact, tracer)
        }
    }

    func traceWaitForMatch(_ waitFor: CompiledWaitFor, by instance: Instance, _ tracer: ReplayTracer) {
        if waitFor.where != nil {
            traceCondition(instance.flow, .waitFor(step: instance.position), held: true, contact: instance.contact, tracer)
        }
        tracer.trace(.waitForMatched(flow: instance.flow, step: instance.position, event: waitFor.event),
                     contact: instance.contact.id, time: now)
    }

    func traceStep(_ instance: Instance, resumed: Bool, _ tracer: ReplayTracer) {
        tracer.trace(.stepReached(flow: instance.flow, step: instance.position, resumed: resumed),
                     contact: instance.contact.id, time: now)
    }

    /// The branch at the instance's position, with its scope still set: the first case that
    /// holds (conditions have no side effects, so evaluating them again gives the same answer).
    func traceBranch(_ cases: [(condition: CompiledExpression, target: Int)], by instance: Instance, _ tracer: ReplayTracer) {
        let taken = cases.firstIndex { $0.condition.holds(in: self) }
        tracer.trace(.branchTaken(flow: instance.flow, step: instance.position, taken: taken, environment: self),
                     contact: instance.contact.id, time: now)
    }

    /// The option a split or an A/B send at the instance's position chose.
    func traceOption(weights: [Int], isVariant: Bool, by instance: Instance, _ tracer: ReplayTracer) {
        let flow = project.flows[instance.flow]
        let bucket = Bucket.of(flow: flow.id, step: flow.steps[instance.position].name, contact: instance.contact.id)
        guard let option = Bucket.pick(weights: weights, bucket: bucket) else { return }
        tracer.trace(.optionChosen(flow: instance.flow, step: instance.position, bucket: bucket, option: option, isVariant: isVariant),
                     contact: instance.contact.id, time: now)
    }

    func traceTimer(_ instance: Instance, due: Int64?, _ kind: TimerKind, _ tracer: ReplayTracer) {
        let purpose: TimerPurpose
        if kind.resumePosition == nil {
            purpose = .window
        } else if case .waitFor = project.flows[instance.flow].steps[instance.position].action {
            purpose = .waitForDeadline
        } else {
            purpose = .wait
        }
        let event: TraceEvent = due.map { .timerSet(flow: instance.flow, step: instance.position, due: $0, purpose) }
            ?? .timerFired(flow: instance.flow, step: instance.position, purpose)
        tracer.trace(event, contact: instance.contact.id, time: now)
    }

    func traceTriggerCancelled(_ contact: ContactState, flow: Int, _ tracer: ReplayTracer) {
        guard contact.triggerSlots[flow]?.isArmed == true else { return }
        tracer.trace(.triggerCancelled(flow: flow), contact: contact.id, time: now)
    }
}
