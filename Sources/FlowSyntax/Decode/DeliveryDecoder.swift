extension NodeReader {
    /// `delivery: {window, frequency_cap, from}` — shared by flows and `flowc.yaml`.
    mutating func delivery(_ node: YAMLNode) -> DeliverySettings {
        var settings = DeliverySettings()
        guard let mapping = mapping(node, for: "delivery") else { return settings }
        checkKeys(mapping, allowed: ["window", "frequency_cap", "from"], in: "`delivery`")
        if let window = mapping["window"] { settings.window = self.window(window) }
        if let cap = mapping["frequency_cap"] { settings.frequencyCap = frequencyCap(cap) }
        if let from = mapping["from"] { settings.from = string(from, for: "from") }
        return settings
    }

    private mutating func isNone(_ node: YAMLNode) -> Bool {
        node.scalar.map { $0.style == .plain && $0.value == "none" } ?? false
    }

    /// `window: none` or `{hours: "HH:MM-HH:MM", days: [...]}` (FC205 when empty or invalid).
    mutating func window(_ node: YAMLNode) -> Setting<DeliveryWindow> {
        if isNone(node) { return .none }
        guard let mapping = mapping(node, for: "window") else { return .inherit }
        checkKeys(mapping, allowed: ["hours", "days"], in: "`window`")
        var window = DeliveryWindow(hours: nil, days: nil)
        var valid = true
        if let hoursNode = mapping["hours"], let text = string(hoursNode, for: "hours") {
            if let hours = DeliveryWindow.parseHours(text.value) {
                if hours.start == hours.end {
                    valid = false
                    report("FC205", at: text.span, "delivery window `\(text.value)` is empty",
                           help: "a window's start and end must differ; use `window: none` for always open")
                }
                window.hours = hours
            } else {
                valid = false
                report("FC205", at: text.span, "invalid delivery window hours `\(text.value)`",
                       help: "write hours as `HH:MM-HH:MM`, e.g. `08:00-21:00`")
            }
        } else if mapping["hours"] != nil {
            valid = false
        }
        if let daysNode = mapping["days"] {
            if let days = weekdays(daysNode, for: "days") {
                if days.value.isEmpty {
                    valid = false
                    report("FC205", at: days.span, "delivery window has no days",
                           help: "list at least one weekday, or use `window: none` for always open")
                }
                window.days = Set(days.value)
            } else {
                valid = false
            }
        }
        return valid ? .value(window) : .inherit
    }

    /// `frequency_cap: none` or `{max: N, per: D}`.
    mutating func frequencyCap(_ node: YAMLNode) -> Setting<FrequencyCap> {
        if isNone(node) { return .none }
        guard let mapping = mapping(node, for: "frequency_cap") else { return .inherit }
        checkKeys(mapping, allowed: ["max", "per"], in: "`frequency_cap`")
        let max = required(mapping, "max", in: "`frequency_cap`").flatMap { integer($0, for: "max", minimum: 1) }
        let per = required(mapping, "per", in: "`frequency_cap`").flatMap { positiveDuration($0, for: "per") }
        guard let max, let per else { return .inherit }
        return .value(FrequencyCap(max: max.value, per: per.value))
    }
}
