import FlowSyntax

/// What expectations name: FC601 flows, FC602 steps, FC605 templates and variants, FC608 reasons.
enum ScenarioReferenceRules {
    /// The reasons of skip records: at a send step (spec 4.6) and entry refusals (spec 2.2).
    static let skipReasons = ["unsubscribed", "bounced", "spam", "no_email", "frequency_cap", "no_key", "reentry", "active", "audience"]
    /// How instances end (spec 4.4).
    static let endReasons = ["completed", "converted", "exited", "audience", "restarted", "loop"]

    static func check(_ context: ScenarioContext, into diagnostics: inout [Diagnostic]) {
        if let flow = context.scenario.flow { _ = resolve(flow, context, into: &diagnostics) }
        for expectation in context.scenario.expectations {
            switch expectation.kind {
            case .sent(let match), .notSent(let match):
                checkMessage(match, context, into: &diagnostics)
            case .skipped(let match):
                let flow = match.flow.flatMap { resolve($0, context, into: &diagnostics) }
                if let flow, let step = match.step { _ = sendStep(step, of: flow, context, into: &diagnostics) }
                if let reason = match.reason { checkReason(reason, among: skipReasons, kind: "skip", context, into: &diagnostics) }
            case .ended(let match):
                _ = match.flow.flatMap { resolve($0, context, into: &diagnostics) }
                if let reason = match.reason { checkReason(reason, among: endReasons, kind: "end", context, into: &diagnostics) }
            case .traits:
                break
            }
        }
    }

    /// The flow named `name`, else FC601.
    private static func resolve(_ name: Located<String>, _ context: ScenarioContext, into diagnostics: inout [Diagnostic]) -> Flow? {
        if let flow = context.flows[name.value] { return flow }
        diagnostics.append(context.diagnostic(
            "FC601", at: name.span, "unknown flow `\(name.value)`", label: "no flow has this id",
            help: context.help(for: name.value, among: context.flows.keys.sorted(),
                               else: "flows of the project: " + context.flows.keys.sorted().map { "`\($0)`" }.joined(separator: ", "))))
        return nil
    }

    /// The send step `name` of `flow`, else FC602.
    private static func sendStep(_ name: Located<String>, of flow: Flow, _ context: ScenarioContext, into diagnostics: inout [Diagnostic]) -> Step? {
        let flowID = flow.id?.value ?? ""
        guard let step = flow.steps.first(where: { $0.name == name.value }) else {
            let sendSteps = flow.steps.filter(\.isSend).map(\.name)
            diagnostics.append(context.diagnostic(
                "FC602", at: name.span, "unknown step `\(name.value)` in flow `\(flowID)`", label: "no step has this id",
                help: context.help(for: name.value, among: sendSteps,
                                   else: "send steps of `\(flowID)`: " + sendSteps.map { "`\($0)`" }.joined(separator: ", "))))
            return nil
        }
        guard step.isSend else {
            diagnostics.append(context.diagnostic(
                "FC602", at: name.span, "step `\(name.value)` of flow `\(flowID)` is a `\(step.action.keyword)` step, not a send step",
                label: "sends nothing", help: "expectations about messages name send steps; check the step id"))
            return nil
        }
        return step
    }

    private static func checkMessage(_ match: MessageMatch, _ context: ScenarioContext, into diagnostics: inout [Diagnostic]) {
        var flow: Flow?
        if let name = match.flow {
            guard let resolved = resolve(name, context, into: &diagnostics) else { return }
            flow = resolved
        }
        var step: Step?
        if let flow, let name = match.step {
            guard let resolved = sendStep(name, of: flow, context, into: &diagnostics) else { return }
            step = resolved
        }
        let senders = step.map { [$0] } ?? (flow.map { $0.steps } ?? context.project.flows.flatMap(\.steps))
        let senderName = step.map { "step `\($0.name)`" } ?? flow.flatMap { $0.id.map { "flow `\($0.value)`" } } ?? "any flow"
        if let template = match.template {
            let sent = senders.flatMap(\.templates)
            if !sent.contains(template.value) {
                diagnostics.append(context.diagnostic(
                    "FC605", at: template.span, "\(senderName) never sends template `\(template.value)`", label: "never sent here",
                    help: context.help(for: template.value, among: unique(sent),
                                       else: sent.isEmpty ? "\(senderName) sends no template" : "templates sent by \(senderName): " + unique(sent).map { "`\($0)`" }.joined(separator: ", "))))
            }
        }
        if let variant = match.variant {
            let variants = senders.flatMap(\.variantTemplates)
            if !variants.contains(variant.value) {
                diagnostics.append(context.diagnostic(
                    "FC605", at: variant.span, "\(senderName) has no A/B variant `\(variant.value)`", label: "no such variant",
                    help: context.help(for: variant.value, among: unique(variants),
                                       else: variants.isEmpty ? "\(senderName) has no A/B send step" : "variants: " + unique(variants).map { "`\($0)`" }.joined(separator: ", "))))
            }
        }
    }

    private static func checkReason(_ reason: Located<String>, among reasons: [String], kind: String, _ context: ScenarioContext, into diagnostics: inout [Diagnostic]) {
        guard !reasons.contains(reason.value) else { return }
        diagnostics.append(context.diagnostic(
            "FC608", at: reason.span, "unknown \(kind) reason `\(reason.value)`", label: "never reported",
            help: context.help(for: reason.value, among: reasons,
                               else: "\(kind) reasons: " + reasons.map { "`\($0)`" }.joined(separator: ", "))))
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}

extension Step {
    var isSend: Bool { if case .send = action { true } else { false } }

    /// The templates this step may send.
    var templates: [String] {
        switch action {
        case .send(.template(let name, _, _)): [name.value]
        case .send(.variants(let variants, _)): variants.map(\.template.value)
        default: []
        }
    }

    /// The templates of an A/B send step's variants.
    var variantTemplates: [String] {
        if case .send(.variants(let variants, _)) = action { variants.map(\.template.value) } else { [] }
    }
}
