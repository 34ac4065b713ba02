import FlowSyntax

/// FC502: an inactivity flow without a goal or exit on the watched event keeps mailing
/// contacts who came back.
enum InactivityRule {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        guard let trigger = context.flow.trigger, case .inactivity(let inactivity) = trigger.kind else { return }
        let watched = inactivity.event.value
        let ends = [context.flow.goal].compactMap { $0 } + context.flow.exits
        guard !ends.contains(where: { $0.event.value == watched }) else { return }
        diagnostics.append(context.diagnostic(
            "FC502", .warning, at: trigger.key,
            "inactivity flow has no `goal` or `exit` on `\(watched)`",
            label: "a contact who comes back keeps getting win-back mail",
            help: "add `goal: {event: \(watched)}` or an `exit` rule on `\(watched)`"))
    }
}
