import FlowSyntax

/// Turns the `schema:` of `flowc.yaml` into a `Schema`, reporting unknown type names (FC004).
public enum SchemaBuilder {
    public static func build(_ settings: ProjectSettings, into diagnostics: inout [Diagnostic]) -> Schema? {
        guard let declaration = settings.schema, let file = settings.source?.path else { return nil }
        func type(_ field: SchemaDeclaration.Field) -> SchemaType? {
            if let type = SchemaType(name: field.type.value) { return type }
            let names = SchemaType.allCases.map(\.rawValue)
            diagnostics.append(Diagnostic(
                file: file, span: field.type.span, severity: .error, code: "FC004",
                message: "unknown schema type `\(field.type.value)` for `\(field.name.value)`",
                help: suggestion(for: field.type.value, among: names).map { "did you mean `\($0)`?" }
                    ?? "use one of " + names.map { "`\($0)`" }.joined(separator: ", ")))
            return nil
        }
        var schema = Schema()
        for field in declaration.contact {
            if let type = type(field) { schema.contact[field.name.value] = type }
        }
        for event in declaration.events {
            var properties: [String: SchemaType] = [:]
            for field in event.properties {
                if let type = type(field) { properties[field.name.value] = type }
            }
            schema.events[event.name.value] = properties
        }
        return schema
    }
}
