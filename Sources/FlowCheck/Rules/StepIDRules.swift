import FlowSyntax

/// FC105 invalid or reserved step ids, FC102 duplicate step ids.
enum StepIDRules {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        var seen: [String: SourceSpan] = [:]
        for step in context.flow.steps {
            guard let id = step.id else { continue }
            if id.value == "end" {
                diagnostics.append(context.diagnostic(
                    "FC105", .error, at: id.span, "step id `end` is reserved",
                    label: "jumps to `end` complete the instance", help: "choose another id, e.g. `finish`"))
            } else if !StepDecoding.isValidID(id.value) {
                diagnostics.append(context.diagnostic(
                    "FC105", .error, at: id.span, "invalid step id `\(id.value)`",
                    help: "step ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit"))
            }
            if let first = seen[id.value] {
                diagnostics.append(context.diagnostic(
                    "FC102", .error, at: step.idKey ?? id.span,
                    "duplicate step id `\(id.value)` (first at line \(first.start.line))",
                    label: "used again here", help: "give each step a unique id"))
            } else {
                seen[id.value] = id.span
            }
        }
    }
}
