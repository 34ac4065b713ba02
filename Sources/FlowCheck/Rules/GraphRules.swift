import FlowSyntax

/// FC103 unreachable steps and FC104 zero-time loops.
enum GraphRules {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        let graph = context.graph
        let reachable = graph.reachable()
        for (position, step) in graph.steps.enumerated() where !reachable.contains(position) {
            diagnostics.append(context.diagnostic(
                "FC103", .warning, at: context.firstLine(of: step.span), "step `\(step.name)` is unreachable",
                label: "no step leads here",
                help: "remove the step, or jump to it with `goto`, a branch or a split"))
        }
        for cycle in graph.cycles(including: { !graph.isTimed($0) }) {
            // The jumps inside the cycle that go back (to the same or an earlier step) close it.
            for position in cycle.sorted() {
                for edge in graph.edges[position] {
                    guard case .step(let target) = edge.target, cycle.contains(target), target <= position,
                          let jump = edge.jump else { continue }
                    diagnostics.append(context.diagnostic(
                        "FC104", .error, at: jump.span,
                        "jump to `\(jump.value)` closes a loop with no `wait` or `wait_for`",
                        label: "loops back without waiting",
                        help: "add a `wait` or `wait_for` step inside the loop, or jump elsewhere"))
                }
            }
        }
    }
}
