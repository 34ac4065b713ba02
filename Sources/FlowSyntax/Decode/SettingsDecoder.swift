/// Decodes `flowc.yaml` (spec section 6).
public enum SettingsDecoder {
    public static let keys = ["timezone", "from", "unsubscribe_url", "delivery", "schema"]

    public static func decode(_ root: YAMLNode?, file: SourceFile) -> (settings: ProjectSettings, diagnostics: [Diagnostic]) {
        var reader = NodeReader(file: file)
        var settings = ProjectSettings()
        settings.source = file
        guard let root else { return (settings, []) }
        guard let mapping = reader.mapping(root, for: "flowc.yaml") else { return (settings, reader.diagnostics) }
        reader.checkKeys(mapping, allowed: keys, in: "`flowc.yaml`")
        settings.timezone = mapping["timezone"].flatMap { reader.string($0, for: "timezone") }
        settings.from = mapping["from"].flatMap { reader.string($0, for: "from") }
        if let node = mapping["unsubscribe_url"] {
            if let scalar = node.scalar, !scalar.isNull {
                settings.unsubscribeURL = scalar
            } else {
                reader.wrongType(node, expected: "a string", for: "unsubscribe_url")
            }
        }
        if let node = mapping["delivery"] { settings.delivery = reader.delivery(node) }
        if let node = mapping["schema"] { settings.schema = reader.schema(node) }
        return (settings, reader.diagnostics)
    }
}

extension NodeReader {
    mutating func schema(_ node: YAMLNode) -> SchemaDeclaration? {
        guard let mapping = mapping(node, for: "schema") else { return nil }
        checkKeys(mapping, allowed: ["contact", "events"], in: "`schema`")
        var schema = SchemaDeclaration()
        if let contact = mapping["contact"] { schema.contact = fields(contact, for: "contact") }
        if let eventsNode = mapping["events"], let events = self.mapping(eventsNode, for: "events") {
            for entry in events.entries {
                let properties = entry.value.scalar?.isNull == true ? [] : fields(entry.value, for: entry.key.value)
                schema.events.append(SchemaDeclaration.EventDeclaration(
                    name: Located(entry.key.value, span: entry.key.span), properties: properties
                ))
            }
        }
        return schema
    }

    private mutating func fields(_ node: YAMLNode, for name: String) -> [SchemaDeclaration.Field] {
        guard let mapping = mapping(node, for: name) else { return [] }
        return mapping.entries.compactMap { entry in
            guard let type = string(entry.value, for: entry.key.value) else { return nil }
            return SchemaDeclaration.Field(name: Located(entry.key.value, span: entry.key.span), type: type)
        }
    }
}
