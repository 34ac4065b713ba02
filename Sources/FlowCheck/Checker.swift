import FlowSyntax

/// Runs every rule over a loaded project and returns the diagnostics in output order.
public enum Checker {
    /// Flow rules in the order they run; each reads a `FlowContext` and appends findings.
    static let flowRules: [@Sendable (FlowContext, inout [Diagnostic]) -> Void] = [
        StepIDRules.check,
        JumpRule.check,
        GraphRules.check,
        BranchRule.check,
        TimingRules.check,
        SplitRules.check,
        InactivityRule.check,
        TemplateUseRules.check,
        TemplateReferenceRules.check,
        ExpressionRules.check,
        SchemaRules.check,
        AddressRule.check,
    ]

    public static func check(_ project: Project) -> [Diagnostic] {
        var diagnostics = project.diagnostics
        let schema = SchemaBuilder.build(project.settings, into: &diagnostics)
        FlowIDRule.check(project, into: &diagnostics)
        TemplateUseRules.checkUnsubscribeLinks(project, into: &diagnostics)
        TemplateReferenceRules.checkProject(project, schema: schema, into: &diagnostics)
        AddressRule.checkProject(project, into: &diagnostics)
        for flow in project.flows {
            let context = FlowContext(flow: flow, project: project, schema: schema)
            for rule in flowRules { rule(context, &diagnostics) }
        }
        ScenarioRules.check(project, schema: schema, into: &diagnostics)
        return deduplicated(diagnostics).sorted(by: Diagnostic.ordered)
    }

    private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
