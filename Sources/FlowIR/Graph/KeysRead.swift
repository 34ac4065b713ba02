import FlowSyntax

/// The traits and the event property keys replay can observe: what expressions (spec 3) and
/// Mustache templates (5) name, and what the runner reads itself (`email`, `timezone`; a bounce's
/// `type`, an open's or click's `email_id`). `flowc run` builds only these members of `traits`
/// and `properties` (`EventLogOptions`); the others are validated and dropped, which no record,
/// message or decision can tell apart. A nil set means every key: something reads the whole
/// object (`contact` or `trigger.properties` as a value, a template section that pushes one, a
/// partial).
public struct KeysRead: Equatable, Sendable {
    /// Trait names; nil: all.
    public private(set) var traits: Set<String>? = ["email", "timezone"]
    /// Top-level `properties` keys, of any event; nil: all.
    public private(set) var properties: Set<String>? = ["email_id", "type"]

    public init() {}

    /// Adds the paths of `expression`.
    public mutating func add(_ expression: Expression) {
        if case .path(let root, let components) = expression.kind {
            add(ExpressionPath(root, components.map(\.name)).start)
        }
        expression.operands.forEach { add($0) }
    }

    private mutating func add(_ start: ExpressionPath.Start) {
        switch start {
        case .whole: // a whole contact, or a whole event: all of either
            traits = nil
            properties = nil
        case .trait(let name): traits?.insert(name)
        case .properties: properties = nil
        case .property(let key): properties?.insert(key)
        case .contactID, .eventName, .timestamp, .nothing: break
        }
    }

    /// Adds the names of a Mustache template (as `TemplateRenderer` renders it: the root has
    /// `contact`, `trigger`, `flow`, `step`, `message` and `unsubscribe_url`). A section over a
    /// whole object (`{{#contact}}`, `{{#trigger.properties}}`) reads all of it: its members
    /// become names of their own inside. Names are read as swift-mustache reads them: split at
    /// dots with empty parts dropped (`contact..nick` is `contact.nick`), a leading dot looking
    /// in the current value only, which may be the root (inside a section over `true`).
    public mutating func add(template text: String) {
        let scan = TemplateReferences.scan(text)
        guard scan.error == nil else { return readAll() } // never after `flowc check`; keep all
        var depth = 0
        for reference in scan.references {
            switch reference.kind {
            case .variable, .unescaped, .section, .inverted:
                let parts = reference.path
                if !parts.isEmpty {
                    add(name: parts)
                } else if depth == 0, !reference.name.isEmpty {
                    // Only dots: the current value, here the root. (`""`, with a transform, is
                    // a section's first/last/index. Below the top, the current value is a whole
                    // object already counted, one member's value, or the root inside a section
                    // over `true`; an object renders as nothing.)
                    readAll()
                }
                if reference.kind == .section || reference.kind == .inverted { depth += 1 }
            case .end:
                depth -= 1
            case .partial, .parent, .block:
                readAll()
            case .comment, .setDelimiter, .pragma:
                break
            }
        }
    }

    /// A trait the runner reads by name (a date trigger's).
    mutating func add(trait name: String) {
        traits?.insert(name)
    }

    private mutating func add(name path: [String]) {
        switch path.first {
        case "contact" where path.count == 1: traits = nil
        // `contact.id` is the contact's id, whatever the traits hold.
        case "contact" where path[1] != "id": traits?.insert(path[1])
        case "trigger": addTriggerMember(path.dropFirst())
        default: break
        }
    }

    /// `rest` names a member of the trigger object: `event`, `timestamp` or `properties`.
    private mutating func addTriggerMember(_ rest: ArraySlice<String>) {
        guard let member = rest.first else { return properties = nil }
        guard member == "properties" else { return }
        let keys = rest.dropFirst()
        if let key = keys.first { properties?.insert(key) } else { properties = nil }
    }

    private mutating func readAll() {
        traits = nil
        properties = nil
    }
}

extension CompiledProject {
    /// What replay reads of `flows` (their expressions, given as parsed, and the traits of their
    /// date triggers) and of the project's templates, `from` addresses, subject overrides and
    /// `unsubscribe_url`.
    static func keysRead(flows: [CompiledFlow], expressions: [Expression], project: Project) -> KeysRead {
        var keys = KeysRead()
        expressions.forEach { keys.add($0) }
        for template in project.templates.values {
            for part in template.mustacheParts { keys.add(template: part.scalar.value) }
            if let from = template.from { keys.add(template: from.value) }
        }
        if let url = project.settings.unsubscribeURL { keys.add(template: url.value) }
        for flow in flows {
            if case .date(let trait, _, _, _) = flow.trigger { keys.add(trait: trait) }
            for case .send(let send) in flow.steps.map(\.action) {
                for option in send.options {
                    keys.add(template: option.origin.from)
                    if let subject = option.origin.subjectOverride { keys.add(template: subject) }
                }
            }
        }
        return keys
    }
}
