import FlowSyntax

/// FC207 reentry shorter than the longest timed path, FC208 a wait as the last step,
/// FC209 a timed path over 400 days.
enum TimingRules {
    static let longestAllowed: Int64 = 400 * DurationSyntax.day

    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        checkLastStep(context, into: &diagnostics)
        let longest = TimedPath.longest(context.graph)
        if let stepsKey = context.flow.stepsKey, longest.exceeds(longestAllowed) {
            let length: String
            switch longest {
            case .bounded(let value): length = "can take \(DurationSyntax.format(value))"
            case .unbounded: length = "can run forever (a loop waits and comes back)"
            }
            diagnostics.append(context.diagnostic(
                "FC209", .warning, at: stepsKey, "the flow's longest timed path \(length), over 400 days",
                help: "shorten the waits, or split the flow in two"))
        }
        if let reentry = context.flow.entry.reentry, case .after(let minimum) = reentry.value, longest.exceeds(minimum) {
            let length: String
            switch longest {
            case .bounded(let value): length = DurationSyntax.format(value)
            case .unbounded: length = "unbounded"
            }
            diagnostics.append(context.diagnostic(
                "FC207", .warning, at: reentry.span,
                "`reentry: after \(DurationSyntax.format(minimum))` is shorter than the flow's longest timed path (\(length))",
                label: "cannot take effect while an instance runs",
                help: "use `reentry: after` of at least \(length), or `reentry: always`"))
        }
    }

    private static func checkLastStep(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        guard let last = context.flow.steps.last else { return }
        let delaysNothing: Bool
        switch last.action {
        case .wait:
            delaysNothing = true
        case .waitFor(let waitFor):
            // A wait_for whose outcomes both fall through to the end decides nothing.
            delaysNothing = [waitFor.then, waitFor.timeout].allSatisfy { $0 == nil || $0?.value == "end" }
        default:
            delaysNothing = false
        }
        guard delaysNothing else { return }
        diagnostics.append(context.diagnostic(
            "FC208", .warning, at: context.firstLine(of: last.span),
            "`\(last.action.keyword)` as the last step delays nothing",
            help: "remove the step, or add the step that should come after it"))
    }
}
