import FlowSyntax

/// FC406: from addresses that are not `Name <local@domain.tld>` or a bare address.
enum AddressRule {
    static func check(_ context: FlowContext, into diagnostics: inout [Diagnostic]) {
        var addresses = [context.flow.delivery.from].compactMap { $0 }
        for step in context.flow.steps {
            if case .send(.template(_, _, let from?)) = step.action { addresses.append(from) }
        }
        for address in addresses {
            if let diagnostic = invalid(address, file: context.file) { diagnostics.append(diagnostic) }
        }
    }

    /// Project and template `from` values.
    static func checkProject(_ project: Project, into diagnostics: inout [Diagnostic]) {
        if let from = project.settings.from, let file = project.settings.source?.path,
           let diagnostic = invalid(from, file: file) {
            diagnostics.append(diagnostic)
        }
        for template in project.templates.values {
            if let from = template.from, let diagnostic = invalid(from, file: template.source.path) {
                diagnostics.append(diagnostic)
            }
        }
    }

    private static func invalid(_ from: Located<String>, file: String) -> Diagnostic? {
        // A from that is itself a template is checked once rendered.
        guard !from.value.contains("{{"), EmailAddress.parse(from.value) == nil else { return nil }
        return Diagnostic(
            file: file, span: from.span, severity: .error, code: "FC406",
            message: "invalid from address `\(from.value)`",
            help: "write `Name <local@domain.tld>` or a bare `local@domain.tld`")
    }
}
