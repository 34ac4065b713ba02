import FlowSyntax

/// One checker rule: a stable code with its severity and documentation.
public struct Rule: Hashable, Sendable {
    /// The catalog code, e.g. `FC101`.
    public let code: String
    public let severity: Severity
    /// A stable kebab-case name, e.g. `unknown-step` (SARIF `name`).
    public let name: String
    /// One sentence saying what the rule reports (SARIF `shortDescription`).
    public let summary: String
    /// How to fix what the rule reports (SARIF `help`; `fullDescription` is summary and help).
    public let help: String
}

/// Every rule of `flowc check`, in code order (spec section 8).
///
/// The catalog is the single source for SARIF's rules table and the generated rule docs.
public enum RuleCatalog {
    /// The rule with `code`, or nil when no rule has it.
    public static func rule(_ code: String) -> Rule? {
        index(of: code).map { all[$0] }
    }

    /// The position of the rule with `code` in `all`, or nil.
    public static func index(of code: String) -> Int? {
        indexByCode[code]
    }

    private static let indexByCode: [String: Int] = Dictionary(
        all.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { first, _ in first }
    )

    public static let all: [Rule] = [
        // FC0xx: YAML and structure.
        rule("FC001", .error, "yaml-syntax",
             "The file is not valid YAML.",
             "Fix the YAML syntax at the reported position: check indentation, unclosed quotes and brackets, and a missing space after `:`."),
        rule("FC002", .error, "duplicate-key",
             "A mapping has the same key twice.",
             "Remove one of the two keys or merge their values; YAML keeps only one of them."),
        rule("FC003", .error, "anchor-or-alias",
             "The file uses YAML anchors, aliases or merge keys.",
             "Write the repeated content out in full; flow files do not support `&anchor`, `*alias` or `<<` merge keys."),
        rule("FC004", .error, "wrong-type",
             "A value has the wrong type, e.g. a list where a mapping is expected.",
             "Change the value to the type the key expects; the message names the expected type."),
        rule("FC005", .error, "unknown-key",
             "A mapping has a key the format does not define.",
             "Remove the key or correct its spelling; the help suggests the closest known key."),
        rule("FC006", .error, "missing-key",
             "A mapping lacks a required key.",
             "Add the missing key named in the message."),
        rule("FC007", .error, "conflicting-keys",
             "A step has more than one action key, or a trigger more than one kind.",
             "Keep one action per step (split the others into their own steps) and one kind per trigger."),
        // FC1xx: steps and control flow.
        rule("FC101", .error, "unknown-step",
             "A jump targets a step id that does not exist.",
             "Point the jump at an existing step id; the help suggests the closest one."),
        rule("FC102", .error, "duplicate-step-id",
             "Two steps of a flow have the same id.",
             "Give every step of the flow a distinct id."),
        rule("FC103", .warning, "unreachable-step",
             "A step can never be reached.",
             "Jump to the step from somewhere, or delete it."),
        rule("FC104", .error, "zero-time-loop",
             "A cycle of steps has no `wait` or `wait_for` on it.",
             "Add a `wait` or `wait_for` to the loop so that each round takes time, or break the cycle."),
        rule("FC105", .error, "invalid-step-id",
             "A step id is invalid or reserved.",
             "Use an id matching `[a-z0-9][a-z0-9_-]*` other than the reserved `end`."),
        rule("FC106", .error, "duplicate-flow-id",
             "Two flow files of the project have the same flow id.",
             "Give every flow of the project a distinct `flow:` id."),
        rule("FC107", .error, "bad-message-reference",
             "`opened()` or `clicked()` names a step that does not exist or is not a send step.",
             "Name the `id` of a `send` step of the same flow."),
        rule("FC108", .warning, "dead-branch",
             "A branch entry comes after `else` or repeats an earlier condition.",
             "Remove the entry, or move it before `else` and give it a condition of its own."),
        // FC2xx: durations, times and schedules.
        rule("FC201", .error, "invalid-duration",
             "A duration cannot be read.",
             "Write an unsigned duration of `<integer><unit>` parts with units `w`, `d`, `h`, `m`, `s` (e.g. `90m`, `1h30m`, `2d`) or an ISO 8601 duration such as `PT1H30M`."),
        rule("FC202", .error, "non-positive-duration",
             "A duration is zero or negative where a positive one is required.",
             "Use a duration greater than zero."),
        rule("FC203", .error, "invalid-time-of-day",
             "A time of day cannot be read.",
             "Write a time of day as `HH:MM` in 24-hour form, e.g. `09:30`."),
        rule("FC204", .error, "invalid-weekday",
             "A weekday cannot be read.",
             "Use one of `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`."),
        rule("FC205", .error, "invalid-window",
             "A delivery window is empty or invalid.",
             "Write `hours` as `\"HH:MM-HH:MM\"` with different start and end times, and list at least one weekday in `days` (or use `window: none`)."),
        rule("FC206", .error, "invalid-date-offset",
             "A date `offset` is outside -365d..365d or not a whole number of days.",
             "Use a whole number of days between `-365d` and `365d`."),
        rule("FC207", .warning, "reentry-too-short",
             "`reentry: after D` is shorter than the flow's longest timed path.",
             "Make `reentry` at least as long as the flow's longest timed path: while an instance runs, a shorter delay cannot take effect."),
        rule("FC208", .warning, "trailing-wait",
             "A `wait` or `wait_for` is the last step and delays nothing.",
             "Remove the final wait or add the steps that should follow it."),
        rule("FC209", .warning, "flow-too-long",
             "The flow's longest timed path is over 400 days.",
             "Shorten the waits on the flow's longest path or split the flow in two."),
        // FC3xx: expressions.
        rule("FC301", .error, "expression-syntax",
             "An expression cannot be parsed.",
             "Fix the expression syntax at the reported position."),
        rule("FC302", .error, "root-not-available",
             "An expression uses a root that is not available here, e.g. `event` in a branch.",
             "Use `contact` or `trigger` here; `event` exists only where there is a candidate event (trigger `where`, entry `key`, `goal`, `exit`, `wait_for`, inactivity `where`)."),
        rule("FC303", .error, "unknown-function",
             "An expression calls an unknown function or passes the wrong number of arguments.",
             "Call a known function with the number of arguments it takes."),
        rule("FC304", .error, "type-mismatch",
             "An expression combines values of types that do not fit.",
             "Convert or compare values of matching types; the message names the types."),
        rule("FC305", .error, "unknown-property",
             "An expression names a trait or property the schema does not declare.",
             "Correct the name or declare it in the schema of `flowc.yaml`."),
        rule("FC306", .error, "unknown-event",
             "An event name is not declared in the schema.",
             "Correct the event name or declare the event in the schema of `flowc.yaml`."),
        rule("FC307", .warning, "constant-condition",
             "A condition is constant: it depends on no path or function.",
             "Make the condition depend on contact or event data, or remove the branch."),
        // FC4xx: templates and messages.
        rule("FC401", .error, "template-not-found",
             "A template named by a step does not exist.",
             "Create `templates/NAME.email.yaml` or correct the template name."),
        rule("FC402", .error, "template-syntax",
             "A template cannot be parsed.",
             "Fix the template tag at the reported position; tags look like `{{name}}`."),
        rule("FC403", .error, "unknown-template-variable",
             "A template uses a variable that is not available.",
             "Correct the variable name or declare it in the schema of `flowc.yaml`."),
        rule("FC404", .error, "incomplete-template",
             "A template lacks `subject`, or has neither `text` nor `html`.",
             "Give the template a `subject` and at least one of `text` and `html`."),
        rule("FC405", .error, "weights-not-hundred",
             "Variant or split weights do not sum to 100.",
             "Adjust the weights so that they add up to exactly 100."),
        rule("FC406", .error, "invalid-from-address",
             "A from address is invalid.",
             "Write the address as `name@domain` or `Display Name <name@domain>`."),
        rule("FC407", .warning, "missing-unsubscribe-link",
             "A template used by a marketing flow lacks `{{unsubscribe_url}}` in one of its bodies.",
             "Add `{{unsubscribe_url}}` to every body (`text` and `html`) of the template."),
        // FC5xx: flow design.
        rule("FC501", .warning, "unnamed-random-step",
             "An A/B `send` or a `split` step has no `id`.",
             "Give the step an `id`: without one, moving steps would reshuffle who gets which option."),
        rule("FC502", .warning, "inactivity-without-exit",
             "An inactivity flow has no goal or exit on the watched event.",
             "Add a `goal` or `exit` on the watched event so that contacts leave the flow once they are active again."),
        // FC6xx: scenarios (`*.test.yaml`).
        rule("FC601", .error, "unknown-scenario-flow",
             "A scenario names a flow the project does not have.",
             "Name the `flow:` id of a flow of the project; the help suggests the closest one."),
        rule("FC602", .error, "unknown-scenario-step",
             "An expectation names a step that does not exist in its flow, or that is not a send step.",
             "Name the `id` of a send step of the expectation's flow (`#N` for an unnamed one)."),
        rule("FC603", .error, "invalid-scenario-time",
             "A scenario time cannot be read.",
             "Write `start` as an RFC 3339 instant, and other times as an offset from the start (`+0`, `+45m`, `+2d`, `+2d 09:00` in the contact's local time) or an RFC 3339 instant."),
        rule("FC604", .error, "scenario-time-out-of-range",
             "A scenario time lies before the start or after `until`, or a `between` range ends before it begins.",
             "Move the time after the scenario's `start` and before its `until`, and write `between: [FROM, TO]` with FROM not after TO."),
        rule("FC605", .error, "template-never-sent",
             "An expectation names a template or variant that its flow or step never sends.",
             "Name a template that a send step of the flow uses; for `variant`, one of the step's A/B variants."),
        rule("FC606", .error, "duplicate-scenario-name",
             "Two scenarios of the project have the same name.",
             "Give every scenario a distinct `name`: test output and CI reports identify scenarios by name."),
        rule("FC607", .error, "unknown-scenario-contact",
             "An event or expectation names a contact the scenario does not declare, or does not say which of several contacts it is about.",
             "Name the `id` of a contact of the scenario in `contact:`; with several contacts every event and expectation needs one."),
        rule("FC608", .error, "unknown-reason",
             "A `skipped` or `ended` expectation names a reason the runner never reports.",
             "Use a skip reason (`unsubscribed`, `bounced`, `spam`, `no_email`, `frequency_cap`, `no_key`, `reentry`, `active`, `audience`) or an end reason (`completed`, `converted`, `exited`, `audience`, `restarted`, `loop`)."),
        rule("FC609", .warning, "unknown-scenario-event",
             "A scenario tracks an event that no flow listens to and the schema does not declare.",
             "Correct the event name (the help suggests the closest known one) or declare the event in the schema of `flowc.yaml`."),
    ]

    private static func rule(
        _ code: String, _ severity: Severity, _ name: String, _ summary: String, _ help: String
    ) -> Rule {
        Rule(code: code, severity: severity, name: name, summary: summary, help: help)
    }
}
