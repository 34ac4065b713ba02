/// Decodes a flow file's YAML into a `Flow`, reporting shape and value problems.
public enum FlowDecoder {
    static let topLevelKeys = [
        "flow", "name", "description", "transactional", "trigger", "audience",
        "entry", "goal", "exit", "delivery", "steps",
    ]

    /// Decodes `root` (the document's root node) of `file`.
    public static func decode(_ root: YAMLNode?, file: SourceFile) -> (flow: Flow?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(file: file)
        guard let root else {
            reader.report("FC006", at: SourceSpan(line: 1, column: 1), "the flow file is empty",
                          help: "a flow needs at least `flow:`, `trigger:` and `steps:`")
            return (nil, reader.diagnostics)
        }
        guard let mapping = reader.mapping(root, for: "the flow file") else { return (nil, reader.diagnostics) }
        var flow = Flow(source: file, root: mapping)
        reader.decodeFlow(mapping, into: &flow)
        return (flow, reader.diagnostics)
    }
}

extension NodeReader {
    mutating func decodeFlow(_ mapping: YAMLMapping, into flow: inout Flow) {
        checkKeys(mapping, allowed: FlowDecoder.topLevelKeys, in: "a flow")
        if let node = required(mapping, "flow", in: "the flow"), let id = string(node, for: "flow") {
            if StepDecoding.isValidID(id.value) {
                flow.id = id
            } else {
                report("FC004", at: id.span, "invalid flow id `\(id.value)`",
                       help: "flow ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit")
            }
        }
        flow.name = mapping["name"].flatMap { string($0, for: "name")?.value }
        flow.description = mapping["description"].flatMap { string($0, for: "description")?.value }
        if let node = mapping["transactional"] { flow.transactional = bool(node, for: "transactional") ?? false }
        if let entry = mapping.entry("trigger") {
            flow.trigger = trigger(entry.value, key: entry.key.span)
        } else {
            _ = required(mapping, "trigger", in: "the flow")
        }
        flow.audience = mapping["audience"].flatMap { expression($0, for: "audience") }
        if let node = mapping["entry"] { flow.entry = entry(node) }
        flow.goal = mapping["goal"].flatMap { eventMatch($0, for: "goal") }
        if let node = mapping["exit"], let list = sequence(node, for: "exit") {
            flow.exits = list.items.compactMap { eventMatch($0, for: "exit") }
        }
        if let node = mapping["delivery"] { flow.delivery = delivery(node) }
        if let entry = mapping.entry("steps") {
            flow.stepsKey = entry.key.span
            flow.steps = steps(entry.value)
        } else {
            _ = required(mapping, "steps", in: "the flow")
        }
    }

    // MARK: Trigger

    mutating func trigger(_ node: YAMLNode, key: SourceSpan) -> Trigger? {
        guard let mapping = mapping(node, for: "trigger") else { return nil }
        let kinds = ["event", "date", "inactivity"]
        if !mapping.entries.contains(where: { kinds.contains($0.key.value) }) {
            checkKeys(mapping, allowed: kinds, in: "`trigger`")
        }
        guard let first = oneOf(kinds, in: mapping, thing: "a trigger", kind: "kind",
                                missing: "the trigger names no kind",
                                extraHelp: "keep one of `event`, `date` or `inactivity`; use a second flow for the other")
        else { return nil }
        switch first.key.value {
        case "event":
            checkKeys(mapping, allowed: ["event", "where"], in: "an event trigger")
            guard let name = string(first.value, for: "event") else { return nil }
            let condition = mapping["where"].flatMap { expression($0, for: "where") }
            return Trigger(kind: .event(name: name, where: condition), key: key)
        case "date":
            checkKeys(mapping, allowed: ["date", "offset", "at", "repeat"], in: "a date trigger")
            guard let date = expression(first.value, for: "date") else { return nil }
            var trigger = DateTrigger(date: date, offset: nil, at: TimeOfDay(minutes: 9 * 60), repeats: .yearly)
            if let node = mapping["offset"] { trigger.offset = dateOffset(node) }
            if let node = mapping["at"], let at = time(node, for: "at") { trigger.at = at.value }
            if let node = mapping["repeat"], let text = string(node, for: "repeat") {
                if let repeats = DateTrigger.Repeat(rawValue: text.value) {
                    trigger.repeats = repeats
                } else {
                    report("FC004", at: text.span, "invalid `repeat` value `\(text.value)`",
                           help: "use `yearly` (the default) or `once`")
                }
            }
            return Trigger(kind: .date(trigger), key: key)
        default:
            checkKeys(mapping, allowed: ["inactivity"], in: "an inactivity trigger")
            guard let inner = self.mapping(first.value, for: "inactivity") else { return nil }
            checkKeys(inner, allowed: ["event", "for", "where"], in: "`inactivity`")
            let event = required(inner, "event", in: "`inactivity`").flatMap { string($0, for: "event") }
            let duration = required(inner, "for", in: "`inactivity`").flatMap { positiveDuration($0, for: "for") }
            let condition = inner["where"].flatMap { expression($0, for: "where") }
            guard let event, let duration else { return nil }
            return Trigger(kind: .inactivity(InactivityTrigger(event: event, duration: duration, where: condition)), key: key)
        }
    }

    /// A date trigger's offset: signed whole days within -365d..365d (FC201, FC206).
    mutating func dateOffset(_ node: YAMLNode) -> Located<Int64>? {
        guard let text = string(node, for: "offset") else { return nil }
        guard let value = DurationSyntax.parseSigned(text.value) else {
            report("FC201", at: text.span, "invalid duration `\(text.value)` for `offset`",
                   help: "write a signed number of days, e.g. `-7d` or `+2d`")
            return nil
        }
        guard value % DurationSyntax.day == 0, abs(value) <= 365 * DurationSyntax.day else {
            report("FC206", at: text.span, "date offset `\(text.value)` must be whole days within -365d..365d",
                   help: "use a whole number of days between `-365d` and `365d`")
            return nil
        }
        return Located(value, span: text.span)
    }

    // MARK: Entry, goal, exit

    mutating func entry(_ node: YAMLNode) -> Entry {
        var entry = Entry()
        guard let mapping = mapping(node, for: "entry") else { return entry }
        checkKeys(mapping, allowed: ["key", "reentry", "retrigger"], in: "`entry`")
        entry.key = mapping["key"].flatMap { expression($0, for: "key") }
        if let node = mapping["reentry"], let text = string(node, for: "reentry") {
            entry.reentry = reentry(text)
        }
        if let node = mapping["retrigger"], let text = string(node, for: "retrigger") {
            if let retrigger = Entry.Retrigger(rawValue: text.value) {
                entry.retrigger = retrigger
            } else {
                report("FC004", at: text.span, "invalid `retrigger` value `\(text.value)`",
                       help: "use `ignore` (the default) or `restart`")
            }
        }
        return entry
    }

    mutating func reentry(_ text: Located<String>) -> Located<Entry.Reentry>? {
        switch text.value {
        case "always": return Located(.always, span: text.span)
        case "once": return Located(.once, span: text.span)
        default:
            let words = text.value.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2, words[0] == "after" else {
                report("FC004", at: text.span, "invalid `reentry` value `\(text.value)`",
                       help: "use `always` (the default), `once` or `after <duration>`, e.g. `after 30d`")
                return nil
            }
            let duration = Located(String(words[1]), span: text.span)
            guard let value = DurationSyntax.parse(duration.value) else {
                invalidDuration(duration, for: "reentry")
                return nil
            }
            guard value > 0 else {
                report("FC202", at: text.span, "`reentry: after` needs a positive duration, found `\(duration.value)`",
                       help: "use `reentry: always` to allow entry at any time")
                return nil
            }
            return Located(.after(value), span: text.span)
        }
    }

    mutating func eventMatch(_ node: YAMLNode, for name: String) -> EventMatch? {
        guard let mapping = mapping(node, for: name) else { return nil }
        checkKeys(mapping, allowed: ["event", "where"], in: "`\(name)`")
        guard let event = required(mapping, "event", in: "`\(name)`").flatMap({ string($0, for: "event") }) else { return nil }
        let condition = mapping["where"].flatMap { expression($0, for: "where") }
        return EventMatch(event: event, where: condition, span: mapping.span)
    }
}
