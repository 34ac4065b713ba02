import FlowSyntax

/// FC609: a scenario tracks an event nothing knows: with a schema, one it does not declare;
/// without one, a near miss of an event some flow listens to (most likely a typo).
enum ScenarioEventRule {
    static func check(_ context: ScenarioContext, into diagnostics: inout [Diagnostic]) {
        let listened = listenedEvents(context.project)
        let known = context.schema.map { Set($0.events.keys) } ?? listened
        let candidates = known.union(Schema.mailFeedbackEvents.keys).sorted()
        for event in context.scenario.events {
            guard case .track(let name, _) = event.kind, !candidates.contains(name.value) else { continue }
            let near = suggestion(for: name.value, among: candidates)
            guard context.schema != nil || near != nil else { continue }
            let reason = context.schema != nil ? "is not declared in the schema" : "is not one any flow listens to"
            diagnostics.append(context.diagnostic(
                "FC609", .warning, at: name.span, "event `\(name.value)` \(reason)", label: "unknown event",
                help: near.map { "did you mean `\($0)`?" } ?? "declare the event in the schema of `flowc.yaml`, or correct its name"))
        }
    }

    /// Event names the flows' triggers, goals, exits and `wait_for` steps name.
    private static func listenedEvents(_ project: Project) -> Set<String> {
        var names: Set<String> = []
        for flow in project.flows {
            switch flow.trigger?.kind {
            case .event(let name, _): names.insert(name.value)
            case .inactivity(let trigger): names.insert(trigger.event.value)
            default: break
            }
            flow.goal.map { _ = names.insert($0.event.value) }
            flow.exits.forEach { names.insert($0.event.value) }
            for step in flow.steps {
                if case .waitFor(let waitFor) = step.action { names.insert(waitFor.event.value) }
            }
        }
        return names
    }
}
