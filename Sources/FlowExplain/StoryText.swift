import FlowSyntax

/// A story as plain text for people: one line per entry — UTC time, the contact's local time
/// when their zone is not UTC, the flow and step, what happened — and below a condition the
/// values it read.
public enum StoryText {
    public static func render(_ story: Story) -> String {
        var lines = ["Story of contact \(story.contact)"]
        if story.entries.isEmpty { lines.append("(nothing happened to this contact)") }
        for entry in story.entries {
            let place = [entry.flow, entry.step].compactMap { $0 }.joined(separator: "/")
            let head = time(entry.time) + "  " + (place.isEmpty ? "" : place + ": ")
            let (sentence, conditions) = describe(entry.event)
            lines.append(head + sentence)
            for condition in conditions { lines += conditionLines(condition) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2026-03-08T02:00:00Z (Sat 2026-03-07 21:00 -05:00)`; the local part only outside UTC.
    static func time(_ time: StoryTime) -> String {
        RFC3339.format(time.utc) + (time.local.zone == "UTC" ? "" : " (\(time.local.text))")
    }

    /// The sentence for an event, and the conditions to show below it.
    static func describe(_ event: StoryEvent) -> (String, [ConditionDetail]) {
        switch event {
        case .event(let name, let properties):
            return ("event \(name)" + (properties.isEmpty ? "" : " " + StoryValue.text(.object(properties))), [])
        case .trait(let key, let old, let new):
            let was = old.map { " (was \(StoryValue.text($0)))" } ?? ""
            return (new.map { "trait \(key) = \(StoryValue.text($0))\(was)" } ?? "trait \(key) unset\(was)", [])
        case .triggerNotMatched(let trigger, let condition):
            return ("\(trigger) does not start the flow: its `where` is false", [condition])
        case .triggerArmed(let kind, let due):
            return ("\(kind.rawValue) trigger set to fire at \(time(due))", [])
        case .triggerCancelled(let kind):
            return ("\(kind.rawValue) trigger cancelled", [])
        case .triggerFired(let kind):
            return ("\(kind.rawValue) trigger fired", [])
        case .entered(let trigger, let key, let entry):
            return ("entered on \(trigger)" + (key.map { ", key \(StoryValue.text($0))" } ?? "") + ", entry \(entry)", [])
        case .notEntered(let trigger, let reason, let detail, let condition):
            return ("not entered on \(trigger) (\(reason)): \(detail)", condition.map { [$0] } ?? [])
        case .step(_, let action):
            return ("reached: \(action)", [])
        case .waiting(let until, let event):
            return ((event.map { "waits for \($0) until " } ?? "waits until ") + time(until), [])
        case .waitOver:
            return ("wait over", [])
        case .waitForMatched(let event, let condition):
            return ("\(event) arrived: goes on", condition.map { [$0] } ?? [])
        case .waitForTimedOut(let event):
            return ("no \(event) in time: timed out", [])
        case .branch(let conditions, let target):
            return ("branch goes to \(target)" + (conditions.contains(where: \.held) ? "" : " (no condition held)"), conditions)
        case .choice(let isVariant, let bucket, let option, let chosen):
            return (isVariant ? "A/B test: bucket \(bucket) picks variant \(chosen)" : "split: bucket \(bucket) picks option \(option + 1) (\(chosen))", [])
        case .postponed(let window, let until):
            return ("outside the delivery window \(window): postponed to \(time(until))", [])
        case .windowOpened:
            return ("the delivery window is open: the send checks run again", [])
        case .sent(let id, let template, let variant, let subject, let to):
            return ("sent \(StoryValue.text(subject)) to \(to) (template \(template)" + (variant.map { ", variant \($0)" } ?? "") + ", id \(id))", [])
        case .skipped(let reason, let detail):
            return ("send skipped (\(reason)): \(detail)", [])
        case .audienceFailed(let condition):
            return ("the audience no longer holds: the instance ends", [condition])
        case .goal(let event, let matched, let condition):
            return (matched ? "goal \(event) reached" : "\(event) is not this instance's goal: its `where` is false", condition.map { [$0] } ?? [])
        case .exit(let event, let matched, let condition):
            return (matched ? "exit on \(event)" : "\(event) does not exit this instance: its `where` is false", condition.map { [$0] } ?? [])
        case .ended(let reason):
            return ("ended (\(reason))", [])
        }
    }

    static func conditionLines(_ condition: ConditionDetail) -> [String] {
        ["    `\(condition.text)` is \(condition.held)"]
            + condition.values.map { "      \($0.expression) = \(StoryValue.text($0.value))" }
    }
}
