import FlowSyntax

extension StepAction {
    /// What the step does, in a few words: `wait 1d`, `send note`, `wait_for Order Completed within 2d`.
    var summary: String {
        switch self {
        case .wait(.duration(let duration)):
            "wait \(DurationSyntax.format(duration.value))"
        case .wait(.until(let time, let days)):
            "wait until \(time.value)" + (days.map { " on " + $0.value.map(\.name).joined(separator: ", ") } ?? "")
        case .wait(.calendar(let days, let at)):
            "wait \(days.value) day(s), until \(at)"
        case .wait(.date(let expression, let offset)):
            "wait until \(expression.text)" + (offset == 0 ? "" : " offset \(DurationSyntax.format(offset))")
        case .send(.template(let name, _, _)):
            "send \(name.value)"
        case .send(.variants(let variants, _)):
            "send A/B " + variants.map { "\($0.template.value) \($0.weight.value)%" }.joined(separator: ", ")
        case .waitFor(let waitFor):
            "wait_for \(waitFor.event.value) within \(DurationSyntax.format(waitFor.within.value))"
        case .branch:
            "branch"
        case .split(let split):
            "split " + split.options.map { "\($0.weight.value)% → \($0.goto.value)" }.joined(separator: ", ")
        case .goto(let target):
            "goto \(target.value)"
        case .update(let update):
            "update " + update.assignments.map(\.trait.value).joined(separator: ", ")
        case .end:
            "end"
        }
    }
}
