import FlowSyntax

/// The checks of scenario files (`*.test.yaml`, FC6xx), run after the flow rules.
enum ScenarioRules {
    static func check(_ project: Project, schema: Schema?, into diagnostics: inout [Diagnostic]) {
        let flows = Dictionary(project.flows.compactMap { flow in flow.id.map { ($0.value, flow) } }) { first, _ in first }
        ScenarioNameRule.check(project, into: &diagnostics)
        for file in project.scenarios {
            for scenario in file.scenarios {
                let context = ScenarioContext(scenario: scenario, flows: flows, project: project, schema: schema)
                ScenarioReferenceRules.check(context, into: &diagnostics)
                ScenarioTimeRule.check(context, into: &diagnostics)
                ScenarioContactRule.check(context, into: &diagnostics)
                ScenarioEventRule.check(context, into: &diagnostics)
            }
        }
    }
}

/// What a scenario rule sees: the scenario, the project's flows by id and the schema.
struct ScenarioContext {
    let scenario: Scenario
    let flows: [String: Flow]
    let project: Project
    let schema: Schema?

    func diagnostic(
        _ code: String, _ severity: Severity = .error, at span: SourceSpan, _ message: String,
        label: String? = nil, help: String, related: [RelatedLocation] = []
    ) -> Diagnostic {
        Diagnostic(file: scenario.file, span: span, severity: severity, code: code, message: message,
                   label: label, help: help, related: related)
    }

    /// "did you mean" for `name` among `candidates`, else `fallback`.
    func help(for name: String, among candidates: [String], else fallback: String) -> String {
        suggestion(for: name, among: candidates).map { "did you mean `\($0)`?" } ?? fallback
    }
}
