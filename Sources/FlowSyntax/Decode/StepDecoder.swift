/// Step ids and the action keys of spec 2.3.
public enum StepDecoding {
    public static let actionKeys = ["wait", "send", "wait_for", "branch", "split", "goto", "update"]

    /// `[a-z0-9][a-z0-9_-]*` — the form of flow and step ids.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isLowerAlnum(first) else { return false }
        return id.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "_" || $0 == "-" }
    }

    private static func isLowerAlnum(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c)
    }
}

extension NodeReader {
    mutating func steps(_ node: YAMLNode) -> [Step] {
        guard let list = sequence(node, for: "steps") else { return [] }
        if list.items.isEmpty {
            report("FC006", at: list.span, "a flow needs at least one step",
                   help: "add a step such as `- send: TEMPLATE`")
        }
        return list.items.enumerated().compactMap { index, item in step(item, index: index) }
    }

    mutating func step(_ node: YAMLNode, index: Int) -> Step? {
        if let scalar = node.scalar, scalar.style == .plain, scalar.value == "end" {
            return Step(id: nil, idKey: nil, action: .end, span: scalar.span, index: index)
        }
        guard let mapping = node.mapping else {
            wrongType(node, expected: "a step mapping or `end`", for: "steps")
            return nil
        }
        checkKeys(mapping, allowed: ["id"] + StepDecoding.actionKeys, in: "a step")
        let id = mapping["id"].flatMap { string($0, for: "id") }
        guard let action = oneOf(StepDecoding.actionKeys, in: mapping, thing: "a step", kind: "action",
                                 missing: "the step has no action", extraHelp: "split this into two steps")
        else { return nil }
        guard let decoded = stepAction(action) else { return nil }
        return Step(id: id, idKey: mapping.entry("id")?.key.span, action: decoded, span: mapping.span, index: index)
    }

    private mutating func stepAction(_ entry: YAMLMapping.Entry) -> StepAction? {
        let node = entry.value
        switch entry.key.value {
        case "wait": return wait(node).map(StepAction.wait)
        case "send": return send(node).map(StepAction.send)
        case "wait_for": return waitFor(node).map(StepAction.waitFor)
        case "branch": return branch(node).map(StepAction.branch)
        case "split": return split(node).map(StepAction.split)
        case "goto": return string(node, for: "goto").map(StepAction.goto)
        default: return update(node).map(StepAction.update)
        }
    }

    // MARK: wait

    private mutating func wait(_ node: YAMLNode) -> Wait? {
        if node.scalar != nil {
            return positiveDuration(node, for: "wait").map(Wait.duration)
        }
        guard let mapping = mapping(node, for: "wait") else { return nil }
        let forms = ["for", "until", "days", "date"]
        if !mapping.entries.contains(where: { forms.contains($0.key.value) }) {
            checkKeys(mapping, allowed: forms + ["on", "at", "offset"], in: "`wait`")
        }
        guard let form = oneOf(forms, in: mapping, thing: "a wait", kind: "form",
                               missing: "the wait says nothing about how long",
                               extraHelp: "keep one of `for`, `until`, `days` or `date`")
        else { return nil }
        switch form.key.value {
        case "for":
            checkKeys(mapping, allowed: ["for"], in: "`wait: {for}`")
            return positiveDuration(form.value, for: "for").map(Wait.duration)
        case "until":
            checkKeys(mapping, allowed: ["until", "on"], in: "`wait: {until}`")
            guard let time = time(form.value, for: "until") else { return nil }
            var on: Located<[Weekday]>?
            if let node = mapping["on"] {
                guard let days = weekdays(node, for: "on") else { return nil }
                if days.value.isEmpty {
                    report("FC204", at: days.span, "`on` lists no weekday",
                           help: "list at least one weekday, or leave `on` out for every day")
                    return nil
                }
                on = days
            }
            return .until(time: time, on: on)
        case "days":
            checkKeys(mapping, allowed: ["days", "at"], in: "`wait: {days}`")
            guard let days = integer(form.value, for: "days") else { return nil }
            var at = TimeOfDay(minutes: 9 * 60)
            if let node = mapping["at"] {
                guard let time = time(node, for: "at") else { return nil }
                at = time.value
            }
            return .calendar(days: days, at: at)
        default:
            checkKeys(mapping, allowed: ["date", "offset"], in: "`wait: {date}`")
            guard let date = expression(form.value, for: "date") else { return nil }
            var offset: Int64 = 0
            if let node = mapping["offset"], let text = string(node, for: "offset") {
                guard let value = DurationSyntax.parseSigned(text.value) else {
                    report("FC201", at: text.span, "invalid duration `\(text.value)` for `offset`",
                           help: "write a signed duration, e.g. `-1d` or `+2h`")
                    return nil
                }
                offset = value
            }
            return .date(date, offset: offset)
        }
    }

    // MARK: send

    private mutating func send(_ node: YAMLNode) -> Send? {
        if node.scalar != nil {
            return string(node, for: "send").map { .template(name: $0, subject: nil, from: nil) }
        }
        guard let mapping = mapping(node, for: "send") else { return nil }
        if let variantsEntry = mapping.entry("variants") {
            checkKeys(mapping, allowed: ["variants"], in: "an A/B `send`")
            guard let list = sequence(variantsEntry.value, for: "variants") else { return nil }
            var variants: [Send.Variant] = []
            for item in list.items {
                guard let variant = self.mapping(item, for: "variants") else { continue }
                checkKeys(variant, allowed: ["template", "weight"], in: "a variant")
                let template = required(variant, "template", in: "the variant").flatMap { string($0, for: "template") }
                let weight = required(variant, "weight", in: "the variant").flatMap { integer($0, for: "weight") }
                if let template, let weight { variants.append(Send.Variant(template: template, weight: weight)) }
            }
            return .variants(variants, list: list.span)
        }
        checkKeys(mapping, allowed: ["template", "subject", "from", "variants"], in: "`send`")
        guard let template = required(mapping, "template", in: "`send`").flatMap({ string($0, for: "template") }) else {
            return nil
        }
        var subject: YAMLScalar?
        if let node = mapping["subject"] {
            if let scalar = node.scalar, !scalar.isNull { subject = scalar } else { wrongType(node, expected: "a string", for: "subject") }
        }
        let from = mapping["from"].flatMap { string($0, for: "from") }
        return .template(name: template, subject: subject, from: from)
    }

    // MARK: wait_for, branch, split, update

    private mutating func waitFor(_ node: YAMLNode) -> WaitFor? {
        guard let mapping = mapping(node, for: "wait_for") else { return nil }
        checkKeys(mapping, allowed: ["event", "where", "within", "then", "timeout"], in: "`wait_for`")
        let event = required(mapping, "event", in: "`wait_for`").flatMap { string($0, for: "event") }
        let within = required(mapping, "within", in: "`wait_for`").flatMap { positiveDuration($0, for: "within") }
        let condition = mapping["where"].flatMap { expression($0, for: "where") }
        let then = mapping["then"].flatMap { string($0, for: "then") }
        let timeout = mapping["timeout"].flatMap { string($0, for: "timeout") }
        guard let event, let within else { return nil }
        return WaitFor(event: event, where: condition, within: within, then: then, timeout: timeout)
    }

    private mutating func branch(_ node: YAMLNode) -> Branch? {
        guard let list = sequence(node, for: "branch") else { return nil }
        var cases: [Branch.Case] = []
        for item in list.items {
            guard let mapping = self.mapping(item, for: "branch") else { continue }
            if let otherwise = mapping["else"] {
                checkKeys(mapping, allowed: ["else"], in: "an `else` entry")
                if let target = string(otherwise, for: "else") { cases.append(.otherwise(target, span: mapping.span)) }
                continue
            }
            checkKeys(mapping, allowed: ["if", "goto", "else"], in: "a branch entry")
            let condition = required(mapping, "if", in: "the branch entry").flatMap { expression($0, for: "if") }
            let target = required(mapping, "goto", in: "the branch entry").flatMap { string($0, for: "goto") }
            if let condition, let target { cases.append(.condition(condition, goto: target, span: mapping.span)) }
        }
        return Branch(cases: cases)
    }

    private mutating func split(_ node: YAMLNode) -> Split? {
        guard let list = sequence(node, for: "split") else { return nil }
        var options: [Split.Option] = []
        for item in list.items {
            guard let mapping = self.mapping(item, for: "split") else { continue }
            checkKeys(mapping, allowed: ["weight", "goto"], in: "a split option")
            let weight = required(mapping, "weight", in: "the split option").flatMap { integer($0, for: "weight") }
            let target = required(mapping, "goto", in: "the split option").flatMap { string($0, for: "goto") }
            if let weight, let target { options.append(Split.Option(weight: weight, goto: target, span: mapping.span)) }
        }
        return Split(options: options, list: list.span)
    }

    private mutating func update(_ node: YAMLNode) -> Update? {
        guard let mapping = mapping(node, for: "update") else { return nil }
        var assignments: [Update.Assignment] = []
        for entry in mapping.entries {
            guard let scalar = entry.value.scalar else {
                wrongType(entry.value, expected: "a scalar value", for: entry.key.value)
                continue
            }
            assignments.append(Update.Assignment(
                trait: Located(entry.key.value, span: entry.key.span),
                value: Located(ScalarTyping.value(of: scalar), span: scalar.span)
            ))
        }
        return Update(assignments: assignments)
    }
}

/// The value of a YAML scalar where no key fixes its type (trait values in `update:`):
/// quoted text is a string; plain `null`/`~`/empty is null, `true`/`false` a boolean,
/// a JSON-style number a number; anything else a string (`no`, `on`, `09:00` stay strings).
public enum ScalarTyping {
    public static func value(of scalar: YAMLScalar) -> Value {
        guard scalar.style == .plain else { return .string(scalar.value) }
        if scalar.isNull { return .null }
        switch scalar.value {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default:
            if isJSONNumber(scalar.value), let double = Double(scalar.value) {
                return .number(Value.Number(double, text: scalar.value))
            }
            return .string(scalar.value)
        }
    }

    /// Whether `text` follows the JSON number grammar (RFC 8259).
    public static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= 48 && $0 <= 57 }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        let leading = bytes.first
        let intDigits = digits()
        guard intDigits > 0, !(leading == UInt8(ascii: "0") && intDigits > 1) else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
