import FlowIR
import FlowRuntime
import FlowSyntax

extension StoryBuilder {
    public func trace(_ event: TraceEvent, contact: String, time: Int64) {
        if case .event = event { contactsSeen.insert(contact) }
        guard contact == self.contact else { return }
        switch event {
        case .event(let logged):
            apply(logged, at: time)
        case .traitChanged(let key, let old, let new):
            traits[key] = new
            if key == "timezone" { zone = zones.zone(forTrait: traits.string("timezone"), fallback: projectZone) }
            add(.trait(key: key, old: old, new: new), at: time)
        case .suppressionChanged(let suppression, let suppressed):
            suppressedSince[suppression] = suppressed ? time : nil
        case .condition(let flow, let site, let held, let environment):
            condition(site, of: flow, held: held, environment: environment, at: time)
        case .triggerArmed(let flow, let due):
            add(.triggerArmed(kind: triggerKind(flow), due: storyTime(due)), at: time, flow: flow)
        case .triggerCancelled(let flow):
            add(.triggerCancelled(kind: triggerKind(flow)), at: time, flow: flow)
        case .triggerFired(let flow, let fired):
            trigger = triggerKind(flow) == .date ? "date \(fired.properties.object.string("date") ?? "")" : "inactivity since \(RFC3339.format(fired.timestamp))"
            add(.triggerFired(kind: triggerKind(flow)), at: time, flow: flow)
        case .entryRefused(let flow, let refusal):
            let audience = refusal == .audience ? failedEntryAudience : nil
            failedEntryAudience = nil
            add(.notEntered(trigger: trigger, reason: refusal.reason, detail: detail(of: refusal, flow: flow, at: time), condition: audience),
                at: time, flow: flow)
        case .stepReached(let flow, let step, let resumed):
            guard !resumed else { return }
            let action = flows[flow]?.steps[step].action
            add(.step(kind: action?.keyword ?? "step", action: action?.summary ?? ""), at: time, flow: flow, step: step)
        case .timerSet(let flow, let step, let due, let purpose):
            switch purpose {
            case .wait: add(.waiting(until: storyTime(due), forEvent: nil), at: time, flow: flow, step: step)
            case .waitForDeadline: add(.waiting(until: storyTime(due), forEvent: waitForEvent(flow, step)), at: time, flow: flow, step: step)
            case .window: add(.postponed(window: windowText(flow), until: storyTime(due)), at: time, flow: flow, step: step)
            }
        case .timerFired(let flow, let step, let purpose):
            switch purpose {
            case .wait: add(.waitOver, at: time, flow: flow, step: step)
            case .waitForDeadline: add(.waitForTimedOut(event: waitForEvent(flow, step)), at: time, flow: flow, step: step)
            case .window: add(.windowOpened, at: time, flow: flow, step: step)
            }
        case .waitForMatched(let flow, let step, let name):
            add(.waitForMatched(event: name, condition: heldWaitForCondition), at: time, flow: flow, step: step)
            heldWaitForCondition = nil
        case .branchTaken(let flow, let step, let taken, let environment):
            branch(at: step, of: flow, taken: taken, environment: environment, time: time)
        case .optionChosen(let flow, let step, let bucket, let option, let isVariant):
            add(.choice(isVariant: isVariant, bucket: bucket, option: option, chosen: chosenOption(option, at: step, of: flow)),
                at: time, flow: flow, step: step)
        }
    }

    /// A track event of the contact.
    private func apply(_ logged: Event, at time: Int64) {
        guard logged.kind == .track, let name = logged.name else { return }
        trigger = name
        add(.event(name: name, properties: logged.properties.object), at: time)
    }

    private func condition(_ site: ConditionSite, of flow: Int, held: Bool, environment: any ExpressionEnvironment, at time: Int64) {
        let detail = conditions.detail(of: flows[flow]?.conditionText(site), held: held, in: environment)
        switch site {
        case .trigger:
            guard let detail else { return }
            add(.triggerNotMatched(event: trigger, condition: detail), at: time, flow: flow)
        case .audience(let step):
            guard let detail else { return }
            if let step {
                add(.audienceFailed(condition: detail), at: time, flow: flow, step: step)
            } else {
                failedEntryAudience = detail
            }
        case .goal:
            add(.goal(event: compiled.flows[flow].goal?.event ?? "", matched: held, condition: detail), at: time, flow: flow)
        case .exit(let position):
            let exits = compiled.flows[flow].exits
            add(.exit(event: exits.indices.contains(position) ? exits[position].event : "", matched: held, condition: detail),
                at: time, flow: flow)
        case .waitFor:
            heldWaitForCondition = detail
        }
    }

    private func branch(at step: Int, of flow: Int, taken: Int?, environment: any ExpressionEnvironment, time: Int64) {
        guard case .branch(let cases, let otherwise) = compiled.flows[flow].steps[step].action else { return }
        let texts = flows[flow]?.branchConditions(at: step) ?? []
        let evaluated = taken.map { $0 + 1 } ?? texts.count
        let details = texts.prefix(evaluated).enumerated().compactMap { position, text in
            conditions.detail(of: text, held: position == taken, in: environment)
        }
        let target = taken.map { cases[$0].target } ?? otherwise
        add(.branch(conditions: details, target: stepName(target, of: flow)), at: time, flow: flow, step: step)
    }

    private func chosenOption(_ option: Int, at step: Int, of flow: Int) -> String {
        switch compiled.flows[flow].steps[step].action {
        case .split(_, let targets) where targets.indices.contains(option): stepName(targets[option], of: flow)
        case .send(let send) where send.options.indices.contains(option): send.options[option].template
        default: "option \(option + 1)"
        }
    }

    func triggerKind(_ flow: Int) -> StoryEvent.TriggerKind {
        if case .date = compiled.flows[flow].trigger { .date } else { .inactivity }
    }

    private func waitForEvent(_ flow: Int, _ step: Int) -> String {
        if case .waitFor(let waitFor) = compiled.flows[flow].steps[step].action { waitFor.event } else { "" }
    }
}

extension Value.Object {
    /// The string member `key`, if it is one.
    func string(_ key: String) -> String? {
        if case .string(let text) = self[key] { text } else { nil }
    }
}
