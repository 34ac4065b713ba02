import FlowSyntax

/// The plain-text facts shown in diagram nodes: what starts a flow and what each step does.
enum DiagramText {
    /// The start node: the flow's name and id, trigger, audience, entry rules, goal and exits.
    static func startLines(of flow: Flow) -> [String] {
        let id = flow.id?.value ?? "?"
        var lines = [flow.name.map { "\($0) (\(id))" } ?? id]
        if flow.transactional { lines.append("transactional") }
        if let trigger = flow.trigger { lines += triggerLines(trigger.kind) }
        if let audience = flow.audience { lines.append("audience: \(audience.text)") }
        lines += entryLines(flow.entry)
        if let goal = flow.goal { lines += matchLines("goal", goal) }
        for exit in flow.exits { lines += matchLines("exit", exit) }
        return lines
    }

    /// What a step does, one fact per line, the action keyword first.
    static func facts(of action: StepAction) -> [String] {
        switch action {
        case .wait(let wait):
            waitLines(wait)
        case .send(.template(let name, let subject, let from)):
            ["send \(name.value)"] + (subject.map { ["subject: \($0.value)"] } ?? [])
                + (from.map { ["from: \($0.value)"] } ?? [])
        case .send(.variants(let variants, _)):
            ["send A/B test"] + variants.map { "\($0.template.value): \($0.weight.value)%" }
        case .waitFor(let waitFor):
            ["wait for \(waitFor.event.value)"] + whereLines(waitFor.where)
                + ["within \(DurationSyntax.format(waitFor.within.value))"]
        case .branch:
            ["branch"]
        case .split:
            ["split"]
        case .goto(let target):
            ["goto \(target.value)"]
        case .update(let update):
            ["update"] + update.assignments.map { assignment in
                assignment.value.value.isNull
                    ? "remove \(assignment.trait.value)"
                    : "\(assignment.trait.value) = \(text(of: assignment.value.value))"
            }
        case .end:
            ["end"]
        }
    }

    private static func triggerLines(_ kind: Trigger.Kind) -> [String] {
        switch kind {
        case .event(let name, let condition):
            ["trigger: event \(name.value)"] + whereLines(condition)
        case .date(let date):
            ["trigger: date \(date.date.text)" + signedOffset(date.offset?.value ?? 0)
                + " at \(date.at), \(date.repeats.rawValue)"]
        case .inactivity(let inactivity):
            ["trigger: no \(inactivity.event.value) for \(DurationSyntax.format(inactivity.duration.value))"]
                + whereLines(inactivity.where)
        }
    }

    private static func entryLines(_ entry: Entry) -> [String] {
        var lines: [String] = []
        if let key = entry.key { lines.append("entry key: \(key.text)") }
        switch entry.reentry?.value {
        case .once: lines.append("reentry: once")
        case .after(let duration): lines.append("reentry: after \(DurationSyntax.format(duration))")
        case .always, nil: break
        }
        if entry.retrigger == .restart { lines.append("retrigger: restart") }
        return lines
    }

    private static func matchLines(_ role: String, _ match: EventMatch) -> [String] {
        ["\(role): event \(match.event.value)"] + whereLines(match.where)
    }

    private static func whereLines(_ condition: ExpressionText?) -> [String] {
        condition.map { ["where: \($0.text)"] } ?? []
    }

    private static func waitLines(_ wait: Wait) -> [String] {
        switch wait {
        case .duration(let duration):
            ["wait \(DurationSyntax.format(duration.value))"]
        case .until(let time, let days):
            ["wait until \(time.value)" + (days.map { " on " + $0.value.map(\.name).joined(separator: ", ") } ?? "")]
        case .calendar(let days, let at):
            ["wait \(days.value) \(days.value == 1 ? "day" : "days"), at \(at)"]
        case .date(let date, let offset):
            ["wait until \(date.text)" + signedOffset(offset)]
        }
    }

    /// ` +2d`, ` -7d`, or nothing for no offset.
    private static func signedOffset(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "" }
        return " " + (milliseconds > 0 ? "+" : "") + DurationSyntax.format(milliseconds)
    }

    /// An `update` value as written in YAML.
    private static func text(of value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .number(let number): number.text
        case .string(let string): "\"\(string)\""
        case .timestamp(let milliseconds): RFC3339.format(milliseconds)
        case .duration(let milliseconds): DurationSyntax.format(milliseconds)
        case .list: "(list)"
        case .object: "(object)"
        }
    }
}
