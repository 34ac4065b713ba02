import FlowSyntax

/// FC108: branch entries after `else`, or an `if` repeating an earlier condition.
/// Reports the first entry of each branch that can never be taken.
enum BranchRule {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        for step in context.flow.steps {
            guard case .branch(let branch) = step.action,
                  let (entry, message) = firstDeadEntry(branch) else { continue }
            diagnostics.append(context.diagnostic(
                "FC108", .warning, at: context.firstLine(of: entry.span), message,
                help: "remove this entry, or move `else` to the end of the branch"))
        }
    }

    private static func firstDeadEntry(_ branch: Branch) -> (Branch.Case, String)? {
        var conditions: Set<String> = []
        var sawElse = false
        for entry in branch.cases {
            if sawElse { return (entry, "branch entry after `else` can never be taken") }
            switch entry {
            case .otherwise:
                sawElse = true
            case .condition(let condition, _, _):
                if !conditions.insert(condition.text.filter { !$0.isWhitespace }).inserted {
                    return (entry, "condition `\(condition.text)` repeats an earlier `if` and can never be taken")
                }
            }
        }
        return nil
    }
}
