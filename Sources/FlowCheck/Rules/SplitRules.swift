import FlowSyntax

/// FC405 option weights that do not sum to 100, FC501 A/B sends and splits without an `id`.
enum SplitRules {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        for step in context.flow.steps {
            let weights: [Int], list: SourceSpan, what: String
            switch step.action {
            case .send(.variants(let variants, let span)):
                (weights, list, what) = (variants.map(\.weight.value), span, "variant")
            case .split(let split):
                (weights, list, what) = (split.options.map(\.weight.value), split.list, "split")
            default:
                continue
            }
            // Weights are non-negative; a sum past `Int.max` stops there instead of trapping.
            let total = weights.reduce(0) { $0.addingReportingOverflow($1).overflow ? Int.max : $0 + $1 }
            if total != 100 {
                let sum = total == Int.max ? "more than \(Int.max)" : "\(total)"
                diagnostics.append(context.diagnostic(
                    "FC405", .error, at: context.firstLine(of: list), "\(what) weights sum to \(sum), not 100",
                    help: "make the weights add up to 100, e.g. 50 and 50"))
            }
            if step.id == nil {
                diagnostics.append(context.diagnostic(
                    "FC501", .warning, at: context.firstLine(of: step.span),
                    what == "split" ? "split step `\(step.name)` has no `id`" : "send step `\(step.name)` has variants but no `id`",
                    label: "contacts are bucketed by the step's name",
                    help: "add an `id:` so that moving steps does not reshuffle who gets which option"))
            }
        }
    }
}
