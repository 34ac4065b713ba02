import FlowIR
import FlowSyntax

/// Running an instance's steps (spec 2.3, 4.4) and sends (4.6, 4.7, 4.9).
extension Replayer {
    /// More steps than this in one go abort the instance (reason `loop`).
    static let stepLimit = 1000

    /// Runs `instance` from step `position` at the current time until it waits or ends.
    /// `countingVisit` is false when a postponed send resumes (the same visit).
    func run(_ instance: Instance, from position: Int, countingVisit: Bool = true) {
        // The flow's parts are read in place: copying a whole `CompiledFlow` retains every part.
        let steps = project.flows[instance.flow].steps
        var position = position
        var countVisit = countingVisit
        var stepsRun = 0
        while instance.isActive {
            guard position < steps.count else { return end(instance, .completed) }
            stepsRun += 1
            guard stepsRun <= Self.stepLimit else { return end(instance, .loop) }
            instance.position = position
            if countVisit { instance.visits.increment(position) }
            if let tracer { traceStep(instance, resumed: !countVisit, tracer) }
            countVisit = true
            switch steps[position].action {
            case .wait(let duration):
                return schedule(instance, at: now + duration, .resume(at: position + 1))
            case .waitUntil(let time, let days):
                let due = zone(of: instance.contact).untilTarget(time, on: days, after: now) ?? now
                return schedule(instance, at: due, .resume(at: position + 1))
            case .waitCalendar(let days, let at):
                let due = zone(of: instance.contact).calendarTarget(days: days, at: at, after: now)
                return schedule(instance, at: due, .resume(at: position + 1))
            case .waitDate(let expression, let offset):
                if let due = dateTarget(expression, offset: offset, for: instance), due > now {
                    return schedule(instance, at: due, .resume(at: position + 1))
                }
                position += 1
            case .send(let spec):
                guard send(spec, at: position, by: instance) else { return }
                position += 1
            case .waitFor(let waitFor):
                instance.waitingSince = eventSequence
                return schedule(instance, at: now + waitFor.within, .resume(at: waitFor.timeout))
            case .branch(let cases, let otherwise):
                scope = Scope(contact: instance.contact, instance: instance, event: nil, trigger: instance.trigger)
                position = cases.first { $0.condition.holds(in: self) }?.target ?? otherwise
                if let tracer { traceBranch(cases, by: instance, tracer) }
            case .split(let weights, let targets):
                let bucket = Bucket.of(flow: project.flows[instance.flow].id, step: steps[position].name, contact: instance.contact.id)
                position = Bucket.pick(weights: weights, bucket: bucket).map { targets[$0] } ?? position + 1
                if let tracer { traceOption(weights: weights, isVariant: false, by: instance, tracer) }
            case .goto(let target):
                position = target
            case .update(let assignments):
                setTraits(instance.contact, assignments.lazy.map { Value.Object.Member(key: $0.trait, value: $0.value) })
                position += 1
            case .end:
                return end(instance, .completed)
            }
        }
    }

    /// `wait: {date}`: the instant the expression names plus the offset; nil when null.
    private func dateTarget(_ expression: CompiledExpression, offset: Int64, for instance: Instance) -> Int64? {
        scope = Scope(contact: instance.contact, instance: instance, event: nil, trigger: instance.trigger)
        let base: Int64?
        switch expression.evaluate(in: self) {
        case .timestamp(let milliseconds):
            base = milliseconds
        case .string(let text):
            if let date = CivilDate.parse(text) {
                base = zone(of: instance.contact).localMidnight(date)
            } else {
                base = RFC3339.parse(text)
            }
        default:
            base = nil
        }
        return base.map { $0 &+ offset }
    }

    /// A send step (spec 4.6). Returns whether the instance goes on to the next step now
    /// (after a send or a skip); false when it ended or the send was postponed.
    private func send(_ send: CompiledSend, at position: Int, by instance: Instance) -> Bool {
        let flowIndex = instance.flow
        let contact = instance.contact
        let step = project.flows[flowIndex].steps[position].name
        let marketing = !project.flows[flowIndex].transactional
        let suppression: Suppression? =
            marketing && contact.unsubscribed ? .unsubscribed
            : contact.hardBounced ? .bounced
            : marketing && contact.markedSpam ? .spam : nil
        if let suppression {
            skip(instance.flow, step: step, contact: contact, reason: suppression.rawValue)
            return true
        }
        guard contact.hasDeliverableEmail else {
            skip(instance.flow, step: step, contact: contact, reason: "no_email")
            return true
        }
        if let audience = project.flows[flowIndex].audience {
            scope = Scope(contact: contact, instance: instance, event: nil, trigger: instance.trigger)
            guard audience.holds(in: self) else {
                if let tracer { traceCondition(flowIndex, .audience(step: position), held: false, contact: contact, tracer) }
                end(instance, .audience)
                return false
            }
        }
        // `nextOpening` is `now` exactly when the window is open (one look-up, not two).
        if let window = project.flows[flowIndex].window,
           case let opening = windowMemo.nextOpening(flow: flowIndex, window, in: zone(of: contact), atOrAfter: now), opening != now {
            summary.postponed += 1
            schedule(instance, at: opening ?? now, .sendAgain)
            return false
        }
        if marketing {
            contact.marketingSends.removeAll { $0 <= now - longestCapPeriod }
            if let cap = project.flows[flowIndex].frequencyCap, contact.marketingSends.count(where: { $0 > now - cap.per }) >= cap.max {
                skip(instance.flow, step: step, contact: contact, reason: "frequency_cap")
                return true
            }
        }
        let flowID = project.flows[flowIndex].id
        var option = 0
        if send.options.count > 1 {
            let bucket = Bucket.of(flow: flowID, step: step, contact: contact.id)
            option = Bucket.pick(weights: send.options.lazy.map(\.weight), bucket: bucket) ?? 0
            if let tracer { traceOption(weights: send.options.map(\.weight), isVariant: true, by: instance, tracer) }
        }
        let id = MessageID.make(flow: flowID, contact: contact.id, key: instance.key ?? "", entry: instance.entry,
                                step: step, visit: Int(instance.visits[position]))
        if marketing { contact.marketingSends.append(now) }
        instance.sent.record(SentMessage(id: id), at: position)
        summary.sends += 1
        emit(.send(PlannedSend(messageID: id, time: now, origin: send.options[option].origin,
                               contact: contact.id, traits: contact.traits, trigger: instance.trigger)))
        return true
    }
}
