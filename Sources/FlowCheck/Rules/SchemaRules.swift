import FlowSyntax

/// With a schema: FC306 unknown event names in triggers, goals, exits and `wait_for`;
/// FC305 unknown traits and FC304 ill-typed values in `update:`.
enum SchemaRules {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        guard let schema = context.schema else { return }
        for name in eventNames(context.flow) where !schema.knowsEvent(name.value) {
            diagnostics.append(context.diagnostic(
                "FC306", .error, at: name.span, "unknown event `\(name.value)`",
                label: "not declared in the schema",
                help: suggestion(for: name.value, among: schema.eventNames).map { "did you mean `\($0)`?" }
                    ?? "declare it under `schema: events:` in flowc.yaml"))
        }
        for step in context.flow.steps {
            guard case .update(let update) = step.action else { continue }
            for assignment in update.assignments {
                checkAssignment(assignment, schema: schema, context, into: &diagnostics)
            }
        }
    }

    /// The event names a flow refers to outside expressions.
    static func eventNames(_ flow: Flow) -> [Located<String>] {
        var names: [Located<String>] = []
        switch flow.trigger?.kind {
        case .event(let name, _): names.append(name)
        case .inactivity(let inactivity): names.append(inactivity.event)
        default: break
        }
        names += ([flow.goal].compactMap { $0 } + flow.exits).map(\.event)
        for step in flow.steps {
            if case .waitFor(let waitFor) = step.action { names.append(waitFor.event) }
        }
        return names
    }

    private static func checkAssignment(_ assignment: Update.Assignment, schema: Schema, _ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        let trait = assignment.trait
        guard let type = schema.traitType(trait.value) else {
            diagnostics.append(context.diagnostic(
                "FC305", .error, at: trait.span, "unknown trait `\(trait.value)`",
                label: "not declared in the schema",
                help: suggestion(for: trait.value, among: schema.traitNames).map { "did you mean `\($0)`?" }
                    ?? "declare it under `schema: contact:` in flowc.yaml"))
            return
        }
        guard !UpdateValues.fits(assignment.value.value, type) else { return }
        diagnostics.append(context.diagnostic(
            "FC304", .error, at: assignment.value.span,
            "trait `\(trait.value)` is declared `\(type.rawValue)`, but this value is not",
            help: "write a \(type.rawValue) value, or `null` to remove the trait"))
    }
}

/// How an `update:` value (a YAML scalar) is read for a trait of a declared type.
public enum UpdateValues {
    /// Whether `value` can be stored in a trait of `type`.
    public static func fits(_ value: Value, _ type: SchemaType) -> Bool {
        if case .null = value { return true }
        switch type {
        case .string: return true
        case .number: if case .number = value { return true } else { return false }
        case .boolean: if case .bool = value { return true } else { return false }
        case .date: if case .string(let text) = value { return CivilDate.parse(text) != nil } else { return false }
        case .timestamp: if case .string(let text) = value { return RFC3339.parse(text) != nil } else { return false }
        case .list, .object: return false
        }
    }
}
