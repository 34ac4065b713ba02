import FlowSyntax

/// FC402 template syntax errors and FC403 unknown variables, pointing at the `{{tag}}` inside
/// the template file. `flow`, `step` and `message` members are always checked; traits and
/// trigger properties only with a schema.
enum TemplateReferenceRules {
    static let roots = ["contact", "trigger", "flow", "step", "message", "unsubscribe_url"]

    /// What a template may refer to: the schema and the trigger events of the flows sending it.
    struct Scope {
        var schema: Schema?
        /// Property types of `trigger.properties`; nil when unknown (no schema).
        var triggerProperties: [String: SchemaType]?
    }

    static func checkProject(_ project: Project, schema: Schema?, into diagnostics: inout [Diagnostic]) {
        var sendersByTemplate: [String: [Flow]] = [:]
        for flow in project.flows {
            for name in TemplateUseRules.templateNames(flow) { sendersByTemplate[name.value, default: []].append(flow) }
        }
        // A template no flow sends may be sent by any of them; computed once, not per template.
        let anyTriggerProperties = triggerProperties(of: project.flows, schema: schema)
        for (id, template) in project.templates.sorted(by: { $0.key < $1.key }) {
            let properties = sendersByTemplate[id].map { triggerProperties(of: $0, schema: schema) } ?? anyTriggerProperties
            let scope = Scope(schema: schema, triggerProperties: properties)
            for part in template.mustacheParts {
                check(part.scalar, in: template.source, scope: scope, into: &diagnostics)
            }
        }
    }

    /// A step's `subject:` override is a template too.
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        let scope = Scope(schema: context.schema, triggerProperties: triggerProperties(of: [context.flow], schema: context.schema))
        for step in context.flow.steps {
            if case .send(.template(_, let subject?, _)) = step.action {
                check(subject, in: context.flow.source, scope: scope, into: &diagnostics)
            }
        }
    }

    static func triggerProperties(of flows: [Flow], schema: Schema?) -> [String: SchemaType]? {
        guard let schema else { return nil }
        var properties: [String: SchemaType] = [:]
        for flow in flows {
            switch flow.trigger?.kind {
            case .event(let name, _): properties.merge(schema.properties(ofEvent: name.value) ?? [:]) { a, _ in a }
            case .inactivity(let inactivity): properties.merge(schema.properties(ofEvent: inactivity.event.value) ?? [:]) { a, _ in a }
            case .date: properties["date"] = .date
            case nil: break
            }
        }
        return properties
    }

    static func check(_ scalar: YAMLScalar, in file: SourceFile, scope: Scope, into diagnostics: inout [Diagnostic]) {
        let scan = TemplateReferences.scan(scalar.value)
        let locator = scalar.locator(in: file)
        func span(_ range: Range<Int>) -> SourceSpan {
            let start = locator.location(ofOffset: range.lowerBound)
            let end = locator.location(ofOffset: max(range.lowerBound, range.upperBound - 1))
            return SourceSpan(start: start, end: SourceLocation(line: end.line, column: end.column + 1))
        }
        if let error = scan.error {
            diagnostics.append(Diagnostic(
                file: file.path, span: span(error.range), severity: .error, code: "FC402",
                message: "template syntax error: \(error.message)",
                help: "close every `{{#section}}` with `{{/section}}` and every tag with `}}`"))
        }
        // A name used many times is judged once (suggestions cost an edit distance per candidate).
        var judged: [[String]: (message: String, help: String)?] = [:]
        func problem(_ path: [String]) -> (message: String, help: String)? {
            if let known = judged[path] { return known }
            let found = Self.problem(path, scope: scope)
            judged[path] = .some(found)
            return found
        }
        var openSections = 0
        for reference in scan.references {
            switch reference.kind {
            case .section, .inverted:
                if openSections == 0, let problem = problem(reference.path) {
                    report(problem, reference, span(reference.range), file, &diagnostics)
                }
                openSections += 1
            case .end:
                openSections = max(0, openSections - 1)
            case .variable, .unescaped:
                // Inside a section, names may be relative to the section's value, and a name with
                // a leading dot always is.
                let path = reference.path
                guard openSections == 0 || (!reference.looksInCurrentValueOnly && path.first.map(roots.contains) == true)
                else { continue }
                if let problem = problem(path) {
                    report(problem, reference, span(reference.range), file, &diagnostics)
                }
            default:
                continue
            }
        }
    }

    private static func report(_ problem: (message: String, help: String), _ reference: TemplateReferences.Reference, _ span: SourceSpan, _ file: SourceFile, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(
            file: file.path, span: span, severity: .error, code: "FC403",
            message: problem.message, label: "unknown variable", help: problem.help))
    }

    /// Why `path` names nothing, or nil when it is fine.
    static func problem(_ path: [String], scope: Scope) -> (message: String, help: String)? {
        let name = path.joined(separator: ".")
        func unknown(_ candidates: [String], prefix: String) -> (String, String) {
            let last = path[path.count > 1 ? 1 : 0]
            let help = suggestion(for: last, among: candidates).map { "did you mean `\(prefix)\($0)`?" }
                ?? "known names here: " + candidates.map { "`\(prefix)\($0)`" }.joined(separator: ", ")
            return ("unknown variable `\(name)` in template", help)
        }
        guard let root = path.first else { return nil } // `{{.}}`: the current value
        switch root {
        case "flow", "step", "message":
            if path.count == 2 && path[1] == "id" { return nil }
            if path.count == 1 { return ("`\(root)` is an object; use `\(root).id`", "write `{{\(root).id}}`") }
            return unknown(["id"], prefix: root + ".")
        case "unsubscribe_url":
            return path.count == 1 ? nil : ("`unsubscribe_url` has no members", "write `{{unsubscribe_url}}`")
        case "contact":
            guard path.count >= 2, let schema = scope.schema else { return nil }
            if schema.traitType(path[1]) != nil { return nil }
            return unknown(schema.traitNames, prefix: "contact.")
        case "trigger":
            guard path.count >= 2 else { return nil }
            guard ["event", "timestamp", "properties"].contains(path[1]) else {
                return unknown(["event", "timestamp", "properties"], prefix: "trigger.")
            }
            guard path[1] == "properties", path.count >= 3, let properties = scope.triggerProperties,
                  properties[path[2]] == nil else { return nil }
            let help = suggestion(for: path[2], among: properties.keys.sorted()).map { "did you mean `trigger.properties.\($0)`?" }
                ?? "declare the property on the trigger event under `schema: events:` in flowc.yaml"
            return ("unknown variable `\(name)` in template", help)
        default:
            let help = suggestion(for: root, among: roots).map { "did you mean `\($0)`?" }
                ?? "names start with " + roots.map { "`\($0)`" }.joined(separator: ", ")
            return ("unknown variable `\(name)` in template", help)
        }
    }
}
