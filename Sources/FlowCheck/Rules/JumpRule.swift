import FlowSyntax

/// FC101: a jump to a step that does not exist.
enum JumpRule {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        let ids = context.flow.steps.compactMap(\.id?.value)
        for jump in context.graph.unknownJumps {
            let help = suggestion(for: jump.value, among: ids + ["end"]).map { "did you mean `\($0)`?" }
                ?? (ids.isEmpty ? "give the target step an `id`, or jump to `end`"
                    : "jump to one of " + ids.map { "`\($0)`" }.joined(separator: ", ") + " or `end`")
            diagnostics.append(context.diagnostic(
                "FC101", .error, at: jump.span, "unknown step `\(jump.value)`",
                label: "no step has this id", help: help))
        }
    }
}
