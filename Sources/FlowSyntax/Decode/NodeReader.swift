/// Shared helpers for decoding YAML nodes into the AST: each reads one kind of value and
/// reports a diagnostic (FC004–FC006, FC2xx) at the offending value when it cannot.
public struct NodeReader {
    public let file: SourceFile
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: SourceFile) {
        self.file = file
    }

    public mutating func report(
        _ code: String, _ severity: Severity = .error, at span: SourceSpan,
        _ message: String, label: String? = nil, help: String? = nil
    ) {
        diagnostics.append(Diagnostic(
            file: file.path, span: span, severity: severity, code: code,
            message: message, label: label, help: help
        ))
    }

    // MARK: Shapes

    /// The node as a mapping, else FC004.
    public mutating func mapping(_ node: YAMLNode, for name: String) -> YAMLMapping? {
        if let mapping = node.mapping { return mapping }
        wrongType(node, expected: "a mapping", for: name)
        return nil
    }

    /// The node as a list, else FC004.
    public mutating func sequence(_ node: YAMLNode, for name: String) -> YAMLSequence? {
        if let sequence = node.sequence { return sequence }
        wrongType(node, expected: "a list", for: name)
        return nil
    }

    /// A non-empty scalar's text, else FC004.
    public mutating func string(_ node: YAMLNode, for name: String) -> Located<String>? {
        if let scalar = node.scalar, !scalar.isNull {
            return Located(scalar.value, span: scalar.span)
        }
        wrongType(node, expected: "a string", for: name)
        return nil
    }

    /// A scalar holding an expression, else FC004.
    public mutating func expression(_ node: YAMLNode, for name: String) -> ExpressionText? {
        if let scalar = node.scalar, !scalar.isNull { return ExpressionText(scalar: scalar) }
        wrongType(node, expected: "an expression", for: name)
        return nil
    }

    /// `true` or `false`, else FC004.
    public mutating func bool(_ node: YAMLNode, for name: String) -> Bool? {
        if let scalar = node.scalar, scalar.style == .plain {
            if scalar.value == "true" { return true }
            if scalar.value == "false" { return false }
        }
        wrongType(node, expected: "`true` or `false`", for: name)
        return nil
    }

    /// A whole number, else FC004.
    public mutating func integer(_ node: YAMLNode, for name: String, minimum: Int = 0) -> Located<Int>? {
        if let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.value), value >= minimum {
            return Located(value, span: scalar.span)
        }
        wrongType(node, expected: minimum > 0 ? "a whole number of at least \(minimum)" : "a whole number", for: name)
        return nil
    }

    public mutating func wrongType(_ node: YAMLNode, expected: String, for name: String) {
        let found: String
        switch node {
        case .scalar(let scalar): found = scalar.isNull ? "nothing" : "`\(scalar.value)`"
        default: found = node.kindDescription
        }
        report("FC004", at: node.span, "expected \(expected) for `\(name)`, found \(found)",
               help: "write `\(name)` as \(expected)")
    }

    // MARK: Keys

    /// Reports FC005 for every key not in `allowed`, with a suggestion.
    public mutating func checkKeys(_ mapping: YAMLMapping, allowed: [String], in context: String) {
        for entry in mapping.entries where !allowed.contains(entry.key.value) {
            let help = suggestion(for: entry.key.value, among: allowed).map { "did you mean `\($0)`?" }
                ?? "allowed keys here: " + allowed.map { "`\($0)`" }.joined(separator: ", ")
            report("FC005", at: entry.key.span, "unknown key `\(entry.key.value)` in \(context)",
                   label: "not a key of \(context)", help: help)
        }
    }

    /// The value of a required key, else FC006 at the mapping's first line.
    public mutating func required(_ mapping: YAMLMapping, _ key: String, in context: String) -> YAMLNode? {
        if let value = mapping[key] { return value }
        report("FC006", at: firstLine(of: mapping), "missing required key `\(key)` in \(context)",
               help: "add `\(key):` to \(context)")
        return nil
    }

    /// The one key of `kinds` that `mapping` uses (a step's action, a trigger's kind, a wait's
    /// form): FC006 at the mapping when there is none, FC007 at every further one.
    /// `thing` names the mapping ("a step"), `kind` what it has one of ("action").
    public mutating func oneOf(
        _ kinds: [String], in mapping: YAMLMapping, thing: String, kind: String, missing: String, extraHelp: String
    ) -> YAMLMapping.Entry? {
        let present = mapping.entries.filter { kinds.contains($0.key.value) }
        guard let first = present.first else {
            report("FC006", at: firstLine(of: mapping), missing,
                   help: "give one of " + kinds.map { "`\($0)`" }.joined(separator: ", "))
            return nil
        }
        for extra in present.dropFirst() {
            report("FC007", at: extra.key.span,
                   "\(thing) has one \(kind), found `\(first.key.value)` and `\(extra.key.value)`", help: extraHelp)
        }
        return first
    }

    /// The span of a mapping's first line, where FC006 points.
    public func firstLine(of mapping: YAMLMapping) -> SourceSpan {
        let start = mapping.span.start
        let length = file.line(start.line).map { max(1, $0.count - start.column + 1) } ?? 1
        return SourceSpan(line: start.line, column: start.column, length: length)
    }

    // MARK: Durations, times, days

    /// A positive duration (FC201 invalid, FC202 zero).
    public mutating func positiveDuration(_ node: YAMLNode, for name: String) -> Located<Int64>? {
        guard let text = string(node, for: name) else { return nil }
        guard let value = DurationSyntax.parse(text.value) else {
            invalidDuration(text, for: name)
            return nil
        }
        guard value > 0 else {
            report("FC202", at: text.span, "`\(name)` must be a positive duration, found `\(text.value)`",
                   help: "use a duration greater than zero, e.g. `1h`")
            return nil
        }
        return Located(value, span: text.span)
    }

    public mutating func invalidDuration(_ text: Located<String>, for name: String) {
        let signed = text.value.hasPrefix("-") || text.value.hasPrefix("+")
        report("FC201", at: text.span, "invalid duration `\(text.value)` for `\(name)`",
               help: signed
                   ? "durations are unsigned; only a date `offset` takes a sign"
                   : "write a duration such as `90m`, `1h30m`, `2d`, `3w` or ISO 8601 `PT1H30M`")
    }

    /// A local time `HH:MM` (FC203).
    public mutating func time(_ node: YAMLNode, for name: String) -> Located<TimeOfDay>? {
        guard let text = string(node, for: name) else { return nil }
        guard let time = TimeOfDay.parse(text.value) else {
            report("FC203", at: text.span, "invalid time of day `\(text.value)` for `\(name)`",
                   help: "write a 24-hour time `HH:MM`, e.g. `09:00`")
            return nil
        }
        return Located(time, span: text.span)
    }

    /// A list of weekdays (FC204 for a bad name).
    public mutating func weekdays(_ node: YAMLNode, for name: String) -> Located<[Weekday]>? {
        guard let list = sequence(node, for: name) else { return nil }
        var days: [Weekday] = []
        var valid = true
        for item in list.items {
            guard let text = string(item, for: name) else { valid = false; continue }
            if let day = Weekday(name: text.value) {
                days.append(day)
            } else {
                valid = false
                let names = Weekday.allCases.map(\.name)
                let help = suggestion(for: text.value.lowercased(), among: names).map { "did you mean `\($0)`?" }
                    ?? "weekdays are " + names.map { "`\($0)`" }.joined(separator: " ")
                report("FC204", at: text.span, "invalid weekday `\(text.value)`", help: help)
            }
        }
        return valid ? Located(days, span: list.span) : nil
    }
}
