import FlowCheck
import FlowSyntax

/// Compiles a project that passed `flowc check` without errors into a `CompiledProject`.
public enum IRCompiler {
    public static func compile(_ project: Project) -> CompiledProject {
        var schemaDiagnostics: [Diagnostic] = []
        let schema = SchemaBuilder.build(project.settings, into: &schemaDiagnostics)
        let projectFrom = project.settings.from?.value
        let flows = project.flows
            .sorted { ($0.id?.value ?? "") < ($1.id?.value ?? "") }
            .map { compile($0, project: project, projectFrom: projectFrom, schema: schema) }
        var compiled = CompiledProject(
            flows: flows, timezone: project.settings.timezone?.value ?? "UTC", templates: project.templates,
            unsubscribeURL: project.settings.unsubscribeURL?.value,
            dateTriggers: [])
        let expressions = project.flows.flatMap(\.expressions).compactMap { try? ExpressionParser.parse($0.text) }
        var history = HistoryNeeds()
        expressions.forEach { history.add($0) }
        compiled.keysRead = CompiledProject.keysRead(flows: flows, expressions: expressions, project: project)
        for (position, flow) in flows.enumerated() {
            guard case .date(let trait, _, _, _) = flow.trigger else { continue }
            // Traits are told apart by their bytes ("K" and the Kelvin sign are two), as lookups do.
            if let index = compiled.dateTriggers.firstIndex(where: { $0.trait.utf8.elementsEqual(trait.utf8) }) {
                compiled.dateTriggers[index].flows.append(position)
            } else {
                compiled.dateTriggers.append((trait, [position]))
            }
        }
        compiled.eventRoutes = CompiledProject.routes(flows: flows, history: history)
        return compiled
    }

    static func expression(_ text: ExpressionText?) -> CompiledExpression? {
        guard let text, let parsed = try? ExpressionParser.parse(text.text) else { return nil }
        return CompiledExpression(parsed)
    }

    private static func compile(_ flow: Flow, project: Project, projectFrom: String?, schema: Schema?) -> CompiledFlow {
        let graph = StepGraph(steps: flow.steps)
        let defaults = project.settings.delivery
        let flowFrom = flow.delivery.from?.value ?? defaults.from?.value ?? projectFrom
        return CompiledFlow(
            id: flow.id?.value ?? "",
            transactional: flow.transactional,
            trigger: trigger(flow.trigger),
            audience: expression(flow.audience),
            entryKey: expression(flow.entry.key),
            reentry: flow.entry.reentry?.value ?? .always,
            retrigger: flow.entry.retrigger,
            goal: flow.goal.map { CompiledFlow.Match(event: $0.event.value, where: expression($0.where)) },
            exits: flow.exits.map { CompiledFlow.Match(event: $0.event.value, where: expression($0.where)) },
            window: resolve(flow.delivery.window, defaults.window),
            frequencyCap: resolve(flow.delivery.frequencyCap, defaults.frequencyCap),
            steps: flow.steps.enumerated().map { position, step in
                CompiledStep(name: step.name, action: action(step, at: position, in: flow, graph: graph, project: project, flowFrom: flowFrom, schema: schema))
            }
        )
    }

    private static func resolve<T>(_ setting: Setting<T>, _ fallback: Setting<T>) -> T? {
        switch setting {
        case .value(let value): value
        case .none: nil
        case .inherit: if case .value(let value) = fallback { value } else { nil }
        }
    }

    private static func trigger(_ trigger: Trigger?) -> CompiledFlow.TriggerKind {
        switch trigger?.kind {
        case .event(let name, let condition):
            return .event(name: name.value, where: expression(condition))
        case .inactivity(let inactivity):
            return .inactivity(event: inactivity.event.value, duration: inactivity.duration.value, where: expression(inactivity.where))
        case .date(let date):
            // The checked `contact.TRAIT` or `contact["TRAIT"]` (FC004).
            var trait = ""
            if let parsed = try? ExpressionParser.parse(date.date.text), case .path(.contact, let components) = parsed.kind,
               components.count == 1 {
                trait = components[0].name
            }
            let days = Int((date.offset?.value ?? 0) / DurationSyntax.day)
            return .date(trait: trait, offsetDays: days, at: date.at, repeats: date.repeats)
        case nil:
            return .event(name: "", where: nil)
        }
    }

    private static func action(
        _ step: Step, at position: Int, in flow: Flow, graph: StepGraph, project: Project, flowFrom: String?, schema: Schema?
    ) -> CompiledAction {
        let end = graph.steps.count
        let next = position + 1
        func target(_ jump: JumpTarget?) -> Int {
            guard let jump else { return next }
            switch graph.resolve(jump) {
            case .step(let index): return index
            case .end, nil: return end
            }
        }
        switch step.action {
        case .wait(.duration(let duration)): return .wait(duration.value)
        case .wait(.until(let time, let on)): return .waitUntil(time.value, on: on.map { Set($0.value) })
        case .wait(.calendar(let days, let at)): return .waitCalendar(days: days.value, at: at)
        case .wait(.date(let text, let offset)): return .waitDate(expression(text) ?? CompiledExpression(Expression(.literal(.null), range: 0..<0)), offset: offset)
        case .send(let send): return .send(compile(send, of: step, in: flow, project: project, flowFrom: flowFrom))
        case .waitFor(let waitFor):
            return .waitFor(CompiledWaitFor(
                event: waitFor.event.value, where: expression(waitFor.where), within: waitFor.within.value,
                then: target(waitFor.then), timeout: target(waitFor.timeout)))
        case .branch(let branch):
            var cases: [(condition: CompiledExpression, target: Int)] = []
            var otherwise = next
            for entry in branch.cases {
                switch entry {
                case .condition(let text, let goto, _):
                    if let condition = expression(text) { cases.append((condition, target(goto))) }
                case .otherwise(let goto, _):
                    otherwise = target(goto)
                }
                if case .otherwise = entry { break }
            }
            return .branch(cases, otherwise: otherwise)
        case .split(let split): return .split(weights: split.options.map(\.weight.value), targets: split.options.map { target($0.goto) })
        case .goto(let jump): return .goto(target(jump))
        case .update(let update):
            return .update(update.assignments.map { ($0.trait.value, typed($0.value.value, trait: $0.trait.value, schema: schema)) })
        case .end: return .end
        }
    }

    private static func compile(_ send: Send, of step: Step, in flow: Flow, project: Project, flowFrom: String?) -> CompiledSend {
        func option(_ template: String, weight: Int, isVariant: Bool, subject: String?, stepFrom: String?) -> CompiledSend.Option {
            let from = stepFrom ?? project.templates[template]?.from?.value ?? flowFrom ?? ""
            let origin = SendOrigin(flow: flow.id?.value ?? "", step: step.name, template: template,
                                    variant: isVariant ? template : nil, subjectOverride: subject,
                                    transactional: flow.transactional, from: from)
            return CompiledSend.Option(weight: weight, origin: origin)
        }
        switch send {
        case .template(let name, let subject, let from):
            return CompiledSend(options: [option(name.value, weight: 100, isVariant: false, subject: subject?.value, stepFrom: from?.value)])
        case .variants(let variants, _):
            return CompiledSend(options: variants.map {
                option($0.template.value, weight: $0.weight.value, isVariant: true, subject: nil, stepFrom: nil)
            })
        }
    }

    /// An `update:` value as the trait's declared type reads it: a string trait keeps the text.
    private static func typed(_ value: Value, trait: String, schema: Schema?) -> Value {
        guard let type = schema?.traitType(trait) else { return value }
        switch (type, value) {
        case (.string, .number(let number)): return .string(number.text)
        case (.string, .bool(let flag)): return .string(flag ? "true" : "false")
        default: return value
        }
    }
}
