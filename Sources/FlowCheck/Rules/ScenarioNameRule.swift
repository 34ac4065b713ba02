import FlowSyntax

/// FC606: two scenarios of the project with the same name; reported at the later one.
enum ScenarioNameRule {
    static func check(_ project: Project, into diagnostics: inout [Diagnostic]) {
        var seen: [String: Scenario] = [:]
        for scenario in project.scenarios.flatMap(\.scenarios) {
            guard let first = seen[scenario.name.value] else {
                seen[scenario.name.value] = scenario
                continue
            }
            diagnostics.append(Diagnostic(
                file: scenario.file, span: scenario.name.span, severity: .error, code: "FC606",
                message: "duplicate scenario name `\(scenario.name.value)`", label: "used again here",
                help: "give each scenario a distinct `name`",
                related: [RelatedLocation(file: first.file, span: first.name.span, message: "first used here")]))
        }
    }
}
