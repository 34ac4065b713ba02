/// Decodes a scenario file (`*.test.yaml`) into a `ScenarioFile`, reporting shape problems
/// (FC004–FC007) and unreadable times (FC603). Project-level meaning (do the flows, steps and
/// templates exist?) is checked by FlowCheck's scenario rules.
public enum ScenarioDecoder {
    static let fileKeys = ["flow", "scenarios"]
    static let scenarioKeys = ["name", "description", "flow", "start", "contact", "contacts", "events", "until", "expect"]
    static let contactKeys = ["id", "timezone", "traits"]
    static let eventKinds = ["track", "identify"]
    static let expectationKinds = ["sent", "not_sent", "skipped", "ended", "traits"]
    /// The contact id of a scenario's single `contact:` without an `id`.
    public static let defaultContactID = "contact"

    /// Decodes `root` (the document's root node) of `file`.
    public static func decode(_ root: YAMLNode?, file: SourceFile) -> (file: ScenarioFile?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(file: file)
        guard let root else {
            reader.report("FC006", at: SourceSpan(line: 1, column: 1), "the scenario file is empty",
                          help: "a scenario file needs a `scenarios:` list")
            return (nil, reader.diagnostics)
        }
        guard let mapping = reader.mapping(root, for: "the scenario file") else { return (nil, reader.diagnostics) }
        var scenarioFile = ScenarioFile(source: file)
        reader.checkKeys(mapping, allowed: fileKeys, in: "a scenario file")
        scenarioFile.flow = mapping["flow"].flatMap { reader.string($0, for: "flow") }
        if let node = reader.required(mapping, "scenarios", in: "the scenario file"),
           let list = reader.nonEmptyList(node, for: "scenarios") {
            scenarioFile.scenarios = list.items.compactMap { reader.scenario($0, defaultFlow: scenarioFile.flow) }
        }
        return (scenarioFile, reader.diagnostics)
    }
}

extension NodeReader {
    /// A non-empty list, else FC004.
    mutating func nonEmptyList(_ node: YAMLNode, for name: String) -> YAMLSequence? {
        if let list = node.sequence, !list.items.isEmpty { return list }
        wrongType(node, expected: "a non-empty list", for: name)
        return nil
    }

    // MARK: Scenario

    mutating func scenario(_ node: YAMLNode, defaultFlow: Located<String>?) -> Scenario? {
        guard let mapping = mapping(node, for: "a scenario") else { return nil }
        checkKeys(mapping, allowed: ScenarioDecoder.scenarioKeys, in: "a scenario")
        let name = required(mapping, "name", in: "the scenario").flatMap { string($0, for: "name") }
        let start = required(mapping, "start", in: "the scenario").flatMap { startInstant($0) }
        var scenario = Scenario(name: name ?? Located("", span: mapping.span), file: file.path, span: mapping.span)
        scenario.start = start
        scenario.description = mapping["description"].flatMap { string($0, for: "description")?.value }
        scenario.flow = mapping["flow"].flatMap { string($0, for: "flow") } ?? defaultFlow
        scenario.contacts = contacts(mapping)
        if let node = mapping["events"], let list = sequence(node, for: "events") {
            scenario.events = list.items.compactMap { event($0) }
        }
        scenario.until = mapping["until"].flatMap { scenarioTime($0, for: "until") }
        if let node = required(mapping, "expect", in: "the scenario"), let list = nonEmptyList(node, for: "expect") {
            scenario.expectations = list.items.compactMap { expectation($0, defaultFlow: scenario.flow) }
        }
        return name == nil ? nil : scenario
    }

    /// `start`: an RFC 3339 instant (FC603).
    private mutating func startInstant(_ node: YAMLNode) -> Located<Int64>? {
        guard let text = string(node, for: "start") else { return nil }
        guard let instant = RFC3339.parse(text.value) else {
            report("FC603", at: text.span, "invalid scenario start `\(text.value)`",
                   help: "write `start` as an RFC 3339 instant with a zone, e.g. `2026-03-02T10:00:00Z` or `2026-03-02T10:00:00+01:00`")
            return nil
        }
        return Located(instant, span: text.span)
    }

    /// A scenario time (FC603).
    mutating func scenarioTime(_ node: YAMLNode, for name: String) -> ScenarioTime? {
        guard let text = string(node, for: name) else { return nil }
        switch ScenarioTimeSyntax.parse(text.value) {
        case .success(let kind):
            return ScenarioTime(kind: kind, text: text.value, span: text.span)
        case .failure(let problem):
            let help = switch problem {
            case .partialDaysWithTimeOfDay: "with a time of day, the offset counts whole days: write e.g. `+1d 09:00`, or drop the time of day"
            case .tooFar: "offsets from the start go up to 36500d (100 years)"
            case .unreadable: "write an offset from the start such as `+0`, `+45m`, `+2d` or `+2d 09:00` (local time), or an RFC 3339 instant"
            }
            report("FC603", at: text.span, "invalid scenario time `\(text.value)` for `\(name)`", help: help)
            return nil
        }
    }

    // MARK: Contacts

    /// `contact:` (one) or `contacts:` (a list); FC007 when both are given.
    private mutating func contacts(_ mapping: YAMLMapping) -> [ScenarioContact] {
        if let single = mapping.entry("contact"), let plural = mapping.entry("contacts") {
            let (first, second) = single.key.span.start < plural.key.span.start ? (single, plural) : (plural, single)
            report("FC007", at: second.key.span,
                   "a scenario has one of `contact` and `contacts`, found `\(first.key.value)` and `\(second.key.value)`",
                   help: "list every contact under `contacts:`, each with an `id`")
            return []
        }
        if let node = mapping["contact"] {
            return contact(node, requireID: false).map { [$0] } ?? []
        }
        if let node = mapping["contacts"] {
            return nonEmptyList(node, for: "contacts")?.items.compactMap { contact($0, requireID: true) } ?? []
        }
        report("FC006", at: firstLine(of: mapping), "missing required key `contact` in the scenario",
               help: "add `contact:` with the contact's `traits` (or `contacts:`, a list of contacts with ids)")
        return []
    }

    private mutating func contact(_ node: YAMLNode, requireID: Bool) -> ScenarioContact? {
        guard let mapping = mapping(node, for: "contact") else { return nil }
        checkKeys(mapping, allowed: ScenarioDecoder.contactKeys, in: "a scenario contact")
        let idNode = requireID ? required(mapping, "id", in: "the contact") : mapping["id"]
        let id = idNode.flatMap { string($0, for: "id") }
        if requireID && id == nil { return nil }
        var contact = ScenarioContact(id: id ?? Located(ScenarioDecoder.defaultContactID, span: mapping.span), span: mapping.span)
        contact.timezone = mapping["timezone"].flatMap { string($0, for: "timezone") }
        if let node = mapping["traits"] { contact.traits = traitValues(node, for: "traits") }
        return contact
    }

    /// A mapping of trait names to values (null removes, or in an expectation means absent).
    mutating func traitValues(_ node: YAMLNode, for name: String) -> [TraitValue] {
        guard let mapping = mapping(node, for: name) else { return [] }
        return mapping.entries.map { entry in
            TraitValue(trait: Located(entry.key.value, span: entry.key.span),
                       value: Located(ScenarioValues.value(entry.value), span: entry.value.span))
        }
    }

    // MARK: Events

    private mutating func event(_ node: YAMLNode) -> ScenarioEvent? {
        guard let mapping = mapping(node, for: "an event") else { return nil }
        let kind = oneOf(ScenarioDecoder.eventKinds, in: mapping, thing: "an event", kind: "kind",
                         missing: "the event is neither a `track` nor an `identify`",
                         extraHelp: "write the track and the identify as two events")
        let allowed = kind?.key.value == "identify" ? ["at", "contact", "identify"] : ["at", "contact", "track", "properties"]
        checkKeys(mapping, allowed: kind == nil ? ["at", "contact", "track", "identify", "properties"] : allowed, in: "an event")
        let time = required(mapping, "at", in: "the event").flatMap { scenarioTime($0, for: "at") }
        let contact = mapping["contact"].flatMap { string($0, for: "contact") }
        guard let kind, let time else { return nil }
        if kind.key.value == "identify" {
            return ScenarioEvent(time: time, contact: contact, kind: .identify(traits: traitValues(kind.value, for: "identify")), span: mapping.span)
        }
        guard let name = string(kind.value, for: "track") else { return nil }
        var properties = Value.Object()
        if let node = mapping["properties"], let object = self.mapping(node, for: "properties") {
            properties = ScenarioValues.object(object)
        }
        return ScenarioEvent(time: time, contact: contact, kind: .track(name: name, properties: properties), span: mapping.span)
    }

    // MARK: Expectations

    private mutating func expectation(_ node: YAMLNode, defaultFlow: Located<String>?) -> Expectation? {
        guard let mapping = mapping(node, for: "an expectation") else { return nil }
        let first = oneOf(ScenarioDecoder.expectationKinds, in: mapping, thing: "an expectation", kind: "kind",
                          missing: "the expectation names no kind",
                          extraHelp: "write each expectation as its own list item")
        // Further kinds got FC007 from `oneOf`; only keys that are no kind at all are unknown.
        checkKeys(mapping, allowed: ScenarioDecoder.expectationKinds + ["contact"], in: "an expectation")
        guard let first else { return nil }
        let contact = mapping["contact"].flatMap { string($0, for: "contact") }
        let kind: Expectation.Kind?
        switch first.key.value {
        case "sent": kind = messageMatch(first.value, for: "sent", defaultFlow: defaultFlow).map(Expectation.Kind.sent)
        case "not_sent": kind = messageMatch(first.value, for: "not_sent", defaultFlow: defaultFlow).map(Expectation.Kind.notSent)
        case "skipped": kind = skipMatch(first.value, defaultFlow: defaultFlow).map(Expectation.Kind.skipped)
        case "ended": kind = endMatch(first.value, defaultFlow: defaultFlow).map(Expectation.Kind.ended)
        default: kind = .traits(traitValues(first.value, for: "traits"))
        }
        return kind.map { Expectation(kind: $0, contact: contact, span: mapping.span) }
    }

    /// `sent: STEP` or `sent: {flow?, step?, template?, variant?, at? | between?, count?}`.
    private mutating func messageMatch(_ node: YAMLNode, for name: String, defaultFlow: Located<String>?) -> MessageMatch? {
        var match = MessageMatch()
        if case .scalar = node {
            match.step = string(node, for: name)
            match.flow = defaultFlow
            return match.step == nil ? nil : needsFlow(match.step, flow: match.flow) ? nil : match
        }
        guard let mapping = mapping(node, for: name) else { return nil }
        let keys = ["flow", "step", "template", "variant", "at", "between"] + (name == "sent" ? ["count"] : [])
        checkKeys(mapping, allowed: keys, in: "`\(name)`")
        match.flow = mapping["flow"].flatMap { string($0, for: "flow") } ?? defaultFlow
        match.step = mapping["step"].flatMap { string($0, for: "step") }
        match.template = mapping["template"].flatMap { string($0, for: "template") }
        match.variant = mapping["variant"].flatMap { string($0, for: "variant") }
        match.time = timeMatch(mapping)
        match.count = mapping["count"].flatMap { integer($0, for: "count") }
        return needsFlow(match.step, flow: match.flow) ? nil : match
    }

    /// `skipped: STEP` or `skipped: {flow?, step?, reason?, at? | between?}`.
    private mutating func skipMatch(_ node: YAMLNode, defaultFlow: Located<String>?) -> SkipMatch? {
        var match = SkipMatch()
        if case .scalar = node {
            match.step = string(node, for: "skipped")
            match.flow = defaultFlow
            return match.step == nil ? nil : needsFlow(match.step, flow: match.flow) ? nil : match
        }
        guard let mapping = mapping(node, for: "skipped") else { return nil }
        checkKeys(mapping, allowed: ["flow", "step", "reason", "at", "between"], in: "`skipped`")
        match.flow = mapping["flow"].flatMap { string($0, for: "flow") } ?? defaultFlow
        match.step = mapping["step"].flatMap { string($0, for: "step") }
        match.reason = mapping["reason"].flatMap { string($0, for: "reason") }
        match.time = timeMatch(mapping)
        return needsFlow(match.step, flow: match.flow) ? nil : match
    }

    /// `ended: REASON` or `ended: {flow?, reason?, at? | between?}`.
    private mutating func endMatch(_ node: YAMLNode, defaultFlow: Located<String>?) -> EndMatch? {
        var match = EndMatch()
        if case .scalar = node {
            match.reason = string(node, for: "ended")
            match.flow = defaultFlow
            return match.reason == nil ? nil : match
        }
        guard let mapping = mapping(node, for: "ended") else { return nil }
        checkKeys(mapping, allowed: ["flow", "reason", "at", "between"], in: "`ended`")
        match.flow = mapping["flow"].flatMap { string($0, for: "flow") } ?? defaultFlow
        match.reason = mapping["reason"].flatMap { string($0, for: "reason") }
        match.time = timeMatch(mapping)
        return match
    }

    /// `at: TIME` or `between: [FROM, TO]` (FC007 when both are given).
    private mutating func timeMatch(_ mapping: YAMLMapping) -> TimeMatch? {
        if let at = mapping.entry("at"), let between = mapping.entry("between") {
            let second = at.key.span.start < between.key.span.start ? between : at
            report("FC007", at: second.key.span, "an expectation has one of `at` and `between`, found both",
                   help: "use `at` for an exact time or `between: [FROM, TO]` for a range")
            return nil
        }
        if let node = mapping["at"] { return scenarioTime(node, for: "at").map(TimeMatch.at) }
        guard let node = mapping["between"], let list = sequence(node, for: "between") else { return nil }
        guard list.items.count == 2 else {
            wrongType(node, expected: "a list of two times `[FROM, TO]`", for: "between")
            return nil
        }
        guard let from = scenarioTime(list.items[0], for: "between"), let to = scenarioTime(list.items[1], for: "between") else { return nil }
        return .between(from, to)
    }

    /// FC006 when a step is named but no flow says whose step it is.
    private mutating func needsFlow(_ step: Located<String>?, flow: Located<String>?) -> Bool {
        guard let step, flow == nil else { return false }
        report("FC006", at: step.span, "step `\(step.value)` names no flow: missing required key `flow`",
               help: "add `flow:` to the expectation, the scenario or the top of the file")
        return true
    }
}

/// YAML nodes of scenario files as event data: scalars typed as in `update:`, lists and
/// mappings as JSON arrays and objects.
enum ScenarioValues {
    static func value(_ node: YAMLNode) -> Value {
        switch node {
        case .scalar(let scalar): ScalarTyping.value(of: scalar)
        case .sequence(let list): .list(list.items.map(value))
        case .mapping(let mapping): .object(object(mapping))
        }
    }

    static func object(_ mapping: YAMLMapping) -> Value.Object {
        Value.Object(mapping.entries.map { ($0.key.value, value($0.value)) })
    }
}
