import FlowSyntax

/// A story as one JSON document for tools: `{"contact": ID, "entries": [...]}`, each entry
/// `{"time", "local", "kind", "flow", "step", "fields"}` (`local` is RFC 3339 with the contact's
/// offset; `flow` and `step` null when the entry is not about one), one entry per line.
public enum StoryJSON {
    public static func render(_ story: Story) -> String {
        let entries = story.entries.map { "    " + entry($0) }
        return "{\"contact\": \(StoryValue.text(story.contact)), \"entries\": ["
            + (entries.isEmpty ? "" : "\n" + entries.joined(separator: ",\n") + "\n")
            + "]}\n"
    }

    static func entry(_ entry: StoryEntry) -> String {
        let (kind, fields) = describe(entry.event)
        let members: [(String, String)] = [
            ("time", string(RFC3339.format(entry.time.utc))), ("local", string(entry.time.local.rfc3339)),
            ("kind", string(kind)), ("flow", optional(entry.flow)), ("step", optional(entry.step)), ("fields", object(fields)),
        ]
        return object(members)
    }

    /// The kind and the fields of an event, values as JSON text.
    static func describe(_ event: StoryEvent) -> (String, [(String, String)]) {
        switch event {
        case .event(let name, let properties):
            return ("event", [("name", string(name)), ("properties", StoryValue.text(.object(properties)))])
        case .trait(let key, let old, let new):
            return ("trait", [("key", string(key)), ("old", value(old)), ("new", value(new))])
        case .triggerNotMatched(let trigger, let condition):
            return ("trigger_not_matched", [("event", string(trigger)), ("condition", self.condition(condition))])
        case .triggerArmed(let kind, let due):
            return ("trigger_armed", [("trigger", string(kind.rawValue)), ("due", time(due))])
        case .triggerCancelled(let kind):
            return ("trigger_cancelled", [("trigger", string(kind.rawValue))])
        case .triggerFired(let kind):
            return ("trigger_fired", [("trigger", string(kind.rawValue))])
        case .entered(let trigger, let key, let entry):
            return ("entered", [("trigger", string(trigger)), ("key", optional(key)), ("entry", String(entry))])
        case .notEntered(let trigger, let reason, let detail, let condition):
            return ("not_entered", [("trigger", string(trigger)), ("reason", string(reason)), ("detail", string(detail)),
                                    ("condition", condition.map(self.condition) ?? "null")])
        case .step(let kind, let action):
            return ("step", [("action", string(kind)), ("summary", string(action))])
        case .waiting(let until, let event):
            return ("waiting", [("until", time(until)), ("event", optional(event))])
        case .waitOver:
            return ("wait_over", [])
        case .waitForMatched(let event, let condition):
            return ("wait_for_matched", [("event", string(event)), ("condition", condition.map(self.condition) ?? "null")])
        case .waitForTimedOut(let event):
            return ("wait_for_timed_out", [("event", string(event))])
        case .branch(let conditions, let target):
            return ("branch", [("conditions", "[" + conditions.map(condition).joined(separator: ", ") + "]"), ("goto", string(target))])
        case .choice(let isVariant, let bucket, let option, let chosen):
            return (isVariant ? "variant" : "split", [("bucket", String(bucket)), ("option", String(option + 1)), ("chosen", string(chosen))])
        case .postponed(let window, let until):
            return ("postponed", [("window", string(window)), ("until", time(until))])
        case .windowOpened:
            return ("window_opened", [])
        case .sent(let id, let template, let variant, let subject, let to):
            return ("sent", [("id", string(id)), ("template", string(template)), ("variant", optional(variant)),
                             ("subject", string(subject)), ("to", string(to))])
        case .skipped(let reason, let detail):
            return ("skipped", [("reason", string(reason)), ("detail", string(detail))])
        case .audienceFailed(let condition):
            return ("audience_failed", [("condition", self.condition(condition))])
        case .goal(let event, let matched, let condition):
            return ("goal", [("event", string(event)), ("matched", String(matched)), ("condition", condition.map(self.condition) ?? "null")])
        case .exit(let event, let matched, let condition):
            return ("exit", [("event", string(event)), ("matched", String(matched)), ("condition", condition.map(self.condition) ?? "null")])
        case .ended(let reason):
            return ("ended", [("reason", string(reason))])
        }
    }

    static func condition(_ condition: ConditionDetail) -> String {
        let values = condition.values.map { object([("expression", string($0.expression)), ("value", StoryValue.text($0.value))]) }
        return object([("text", string(condition.text)), ("held", String(condition.held)), ("values", "[" + values.joined(separator: ", ") + "]")])
    }

    static func time(_ time: StoryTime) -> String {
        object([("time", string(RFC3339.format(time.utc))), ("local", string(time.local.rfc3339))])
    }

    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func string(_ text: String) -> String { StoryValue.text(text) }
    static func optional(_ text: String?) -> String { text.map(string) ?? "null" }
    static func value(_ value: Value?) -> String { value.map(StoryValue.text) ?? "null" }
}
