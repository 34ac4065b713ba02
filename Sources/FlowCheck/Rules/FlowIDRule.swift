import FlowSyntax

/// FC106: two flows with the same id; reported in the file that comes later in path order.
enum FlowIDRule {
    static func check(_ project: Project, into diagnostics: inout [Diagnostic]) {
        var seen: [String: String] = [:]
        for flow in project.flows {
            guard let id = flow.id else { continue }
            if let first = seen[id.value] {
                let span = flow.root.entry("flow")?.key.span ?? id.span
                diagnostics.append(Diagnostic(
                    file: flow.source.path, span: span, severity: .error, code: "FC106",
                    message: "duplicate flow id `\(id.value)` (also in \(first))", label: "used again here",
                    help: "give each flow a unique `flow:` id"))
            } else {
                seen[id.value] = flow.source.path
            }
        }
    }
}
