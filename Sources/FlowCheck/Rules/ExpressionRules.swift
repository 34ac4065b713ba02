import FlowSyntax

/// FC107 and FC301–FC307 for every expression of a flow, each checked in the scope where it
/// stands (which roots exist, which event `event` and `trigger` are).
enum ExpressionRules {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        let flow = context.flow
        let steps = Set(flow.steps.compactMap(\.id?.value))
        let sendSteps = Set(flow.steps.compactMap { step -> String? in
            if case .send = step.action { step.id?.value } else { nil }
        })
        let trigger = triggerShape(flow.trigger)
        func check(_ text: ExpressionText?, roots: Set<PathRoot>, event: EventShape = .unknown, condition: Bool = true) -> ExpressionCheck? {
            guard let text else { return nil }
            let scope = ExpressionContext(
                roots: roots, event: event, trigger: trigger, schema: context.schema,
                steps: steps, sendSteps: sendSteps, isCondition: condition)
            let result = ExpressionChecker.check(text.text, in: scope)
            diagnostics += result.findings.map { $0.diagnostic(in: flow.source, scalar: text.scalar) }
            return result
        }

        switch flow.trigger?.kind {
        case .event(let name, let condition):
            _ = check(condition, roots: [.event, .contact], event: .named([name.value]))
        case .inactivity(let inactivity):
            _ = check(inactivity.where, roots: [.event, .contact], event: .named([inactivity.event.value]))
        case .date(let date):
            checkDateTrait(date.date, context, check(date.date, roots: [.contact], condition: false), into: &diagnostics)
        case nil:
            break
        }
        _ = check(flow.audience, roots: [.contact, .trigger])
        _ = check(flow.entry.key, roots: [.event, .trigger, .contact], event: trigger, condition: false)
        for match in [flow.goal].compactMap({ $0 }) + flow.exits {
            _ = check(match.where, roots: [.event, .trigger, .contact], event: .named([match.event.value]))
        }
        for step in flow.steps {
            switch step.action {
            case .waitFor(let waitFor):
                _ = check(waitFor.where, roots: [.event, .trigger, .contact], event: .named([waitFor.event.value]))
            case .branch(let branch):
                for case .condition(let condition, _, _) in branch.cases {
                    _ = check(condition, roots: [.contact, .trigger])
                }
            case .wait(.date(let expression, _)):
                if let result = check(expression, roots: [.contact, .trigger], condition: false) {
                    checkDateType(result, expression, context, into: &diagnostics)
                }
            default:
                break
            }
        }
    }

    static func triggerShape(_ trigger: Trigger?) -> EventShape {
        switch trigger?.kind {
        case .event(let name, _): .named([name.value])
        case .inactivity(let inactivity): .named([inactivity.event.value])
        case .date: .dateTrigger
        case nil: .unknown
        }
    }

    /// A date trigger names a contact trait: `contact.TRAIT`, holding a date.
    private static func checkDateTrait(_ text: ExpressionText, _ context: FlowContext, _ result: ExpressionCheck?, into diagnostics: inout [Diagnostic]) {
        guard let result, result.findings.isEmpty, let expression = result.expression else { return }
        guard case .path(.contact, let components) = expression.kind, components.count == 1 else {
            diagnostics.append(context.diagnostic(
                "FC004", .error, at: text.span, "a date trigger needs `contact.TRAIT`, found `\(text.text)`",
                help: "name the trait that holds the date, e.g. `date: contact.birthday`"))
            return
        }
        checkDateType(result, text, context, into: &diagnostics)
    }

    /// A date wait or trigger needs a timestamp, a date or a string holding one.
    private static func checkDateType(_ result: ExpressionCheck, _ text: ExpressionText, _ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        switch result.type {
        case .timestamp, .date, .string, .unknown:
            return
        default:
            diagnostics.append(context.diagnostic(
                "FC304", .error, at: text.span, "`\(text.text)` yields \(result.type.phrase), not a date or timestamp",
                help: "use a trait or property that holds a date (`YYYY-MM-DD`) or an RFC 3339 timestamp"))
        }
    }
}
