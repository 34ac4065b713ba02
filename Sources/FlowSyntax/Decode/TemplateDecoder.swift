/// Decodes `templates/ID.email.yaml` (spec section 5).
public enum TemplateDecoder {
    public static let keys = ["subject", "preheader", "from", "text", "html"]

    public static func decode(_ root: YAMLNode?, id: String, file: SourceFile) -> (template: EmailTemplate?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(file: file)
        guard let root, let mapping = root.mapping else {
            reader.report("FC404", at: root?.span ?? SourceSpan(line: 1, column: 1),
                          "template `\(id)` must be a mapping with `subject` and `text` or `html`",
                          help: "write `subject:` and a `text:` or `html:` body")
            return (nil, reader.diagnostics)
        }
        reader.checkKeys(mapping, allowed: keys, in: "a template")
        func scalar(_ key: String) -> YAMLScalar? {
            guard let node = mapping[key] else { return nil }
            if let scalar = node.scalar, !scalar.isNull { return scalar }
            reader.wrongType(node, expected: "a string", for: key)
            return nil
        }
        var template = EmailTemplate(id: id, source: file, root: mapping)
        template.subject = scalar("subject")
        template.preheader = scalar("preheader")
        template.from = scalar("from").map { Located($0.value, span: $0.span) }
        template.text = scalar("text")
        template.html = scalar("html")
        var missing: [String] = []
        if mapping["subject"] == nil { missing.append("`subject`") }
        if mapping["text"] == nil && mapping["html"] == nil { missing.append("a `text` or `html` body") }
        if !missing.isEmpty {
            reader.report("FC404", at: reader.firstLine(of: mapping),
                          "template `\(id)` lacks \(missing.joined(separator: " and "))",
                          help: "a template needs `subject:` and at least one of `text:` or `html:`")
        }
        return (template, reader.diagnostics)
    }
}
