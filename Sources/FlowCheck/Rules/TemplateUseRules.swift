import FlowSyntax

/// FC401 a send naming no template, FC407 a marketing flow's template without `{{unsubscribe_url}}`.
enum TemplateUseRules {
    /// The template names a flow's send steps use, with where they are written.
    static func templateNames(_ flow: Flow) -> [Located<String>] {
        flow.steps.flatMap { step -> [Located<String>] in
            switch step.action {
            case .send(.template(let name, _, _)): [name]
            case .send(.variants(let variants, _)): variants.map(\.template)
            default: []
            }
        }
    }

    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        for name in templateNames(context.flow) where context.project.templates[name.value] == nil {
            let known = context.project.templates.keys.sorted()
            let help = suggestion(for: name.value, among: known).map { "did you mean `\($0)`?" }
                ?? "create `templates/\(name.value).email.yaml` in the project"
            diagnostics.append(context.diagnostic(
                "FC401", .error, at: name.span, "template `\(name.value)` not found",
                label: "no such template", help: help))
        }
    }

    /// FC407, once per template, for templates any marketing flow sends.
    static func checkUnsubscribeLinks(_ project: Project, into diagnostics: inout [Diagnostic]) {
        var marketing: Set<String> = []
        for flow in project.flows where !flow.transactional {
            templateNames(flow).forEach { marketing.insert($0.value) }
        }
        for id in marketing.sorted() {
            guard let template = project.templates[id] else { continue }
            let bodies = [("text", template.text), ("html", template.html)].compactMap { key, scalar in scalar.map { (key, $0) } }
            let lacking = bodies.filter { !$0.1.value.contains("{{unsubscribe_url}}") && !$0.1.value.contains("{{{unsubscribe_url}}}") }
            guard !lacking.isEmpty,
                  let firstBody = template.root.entries.first(where: { $0.key.value == "text" || $0.key.value == "html" })
            else { continue }
            diagnostics.append(Diagnostic(
                file: template.source.path, span: firstBody.key.span, severity: .warning, code: "FC407",
                message: "template `\(id)` is sent by a marketing flow but its \(lacking.map { "`\($0.0)`" }.joined(separator: " and ")) body lacks `{{unsubscribe_url}}`",
                help: "add a line such as `Unsubscribe: {{unsubscribe_url}}` to every body"))
        }
    }
}
