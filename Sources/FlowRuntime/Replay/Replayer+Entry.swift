import FlowIR
import FlowSyntax

/// Entry checks (spec 2.2): key → reentry → active → audience → restart → start.
extension Replayer {
    func enter(_ flowIndex: Int, contact: ContactState, trigger: TriggerEvent) {
        var key: String?
        if let keyExpression = project.flows[flowIndex].entryKey {
            scope = Scope(contact: contact, instance: nil, event: trigger, trigger: trigger)
            guard let text = Self.keyText(keyExpression.evaluate(in: self)) else {
                return refuse(flowIndex, .noKey, contact: contact)
            }
            key = text
        }
        let entries = contact.entries.lookUp(flow: flowIndex, key: key ?? "")
        if let previous = entries.record {
            let refused = switch project.flows[flowIndex].reentry {
            case .always: false
            case .once: true
            case .after(let minimum): now - previous.lastEntry < minimum
            }
            if refused {
                return refuse(flowIndex, .reentry(previousEntry: previous.lastEntry, entries: Int(previous.count)), contact: contact)
            }
        }
        let active = contact.instances.first { $0.flow == flowIndex && StringBytes.equal($0.key, key) }
        if active != nil && project.flows[flowIndex].retrigger == .ignore {
            return refuse(flowIndex, .active(key: key), contact: contact)
        }
        if let audience = project.flows[flowIndex].audience {
            scope = Scope(contact: contact, instance: nil, event: nil, trigger: trigger)
            guard audience.holds(in: self) else {
                if let tracer { traceCondition(flowIndex, .audience(step: nil), held: false, contact: contact, tracer) }
                return refuse(flowIndex, .audience, contact: contact)
            }
        }
        if let active { end(active, .restarted) }

        // Nothing since the look-up changed the entries (ending an instance enters none).
        let ordinal = contact.entries.recordEntry(entries, at: now)
        entryOrder += 1
        let instance = Instance(flow: flowIndex, contact: contact, key: key, entry: ordinal, trigger: trigger, order: entryOrder)
        contact.instances.append(instance)
        summary.entered += 1
        emit(.enter(.init(time: now, flow: project.flows[flowIndex].id, contact: contact.id, key: key)))
        run(instance, from: 0)
    }

    /// An entry refused (traced, then skipped with the refusal's reason).
    private func refuse(_ flowIndex: Int, _ refusal: EntryRefusal, contact: ContactState) {
        if let tracer { traceRefusal(flowIndex, refusal, contact: contact, tracer) }
        skip(flowIndex, step: nil, contact: contact, reason: refusal.reason)
    }

    /// The text of an entry key (spec 4.6): a string as is, a number as written; nil for null.
    static func keyText(_ value: Value) -> String? {
        switch value {
        case .null: nil
        case .string(let text): text
        case .number(let number): number.text
        case .bool(let flag): flag ? "true" : "false"
        case .timestamp(let milliseconds): RFC3339.format(milliseconds)
        case .duration(let milliseconds): DurationSyntax.format(milliseconds)
        case .list, .object: nil
        }
    }
}
