import FlowSyntax

/// FC607: duplicate contact ids, and events or expectations whose contact is unknown or, with
/// several contacts, unnamed.
enum ScenarioContactRule {
    static func check(_ context: ScenarioContext, into diagnostics: inout [Diagnostic]) {
        let contacts = context.scenario.contacts
        var seen: [String: ScenarioContact] = [:]
        for contact in contacts {
            if let first = seen[contact.id.value] {
                diagnostics.append(context.diagnostic(
                    "FC607", at: contact.id.span, "duplicate contact id `\(contact.id.value)`", label: "declared again here",
                    help: "give each contact of the scenario a distinct `id`",
                    related: [RelatedLocation(file: context.scenario.file, span: first.id.span, message: "first declared here")]))
            } else {
                seen[contact.id.value] = contact
            }
        }
        guard !contacts.isEmpty else { return }
        let ids = contacts.map(\.id.value)
        let references = context.scenario.events.map { ($0.contact, $0.span) }
            + context.scenario.expectations.map { ($0.contact, $0.span) }
        for (contact, span) in references {
            if let contact {
                guard seen[contact.value] == nil else { continue }
                diagnostics.append(context.diagnostic(
                    "FC607", at: contact.span, "unknown contact `\(contact.value)`", label: "not a contact of this scenario",
                    help: context.help(for: contact.value, among: ids,
                                       else: "contacts of the scenario: " + ids.map { "`\($0)`" }.joined(separator: ", "))))
            } else if contacts.count > 1 {
                diagnostics.append(context.diagnostic(
                    "FC607", at: SourceSpan(line: span.start.line, column: span.start.column),
                    "the scenario has \(contacts.count) contacts; say which one this is about",
                    label: "no `contact`", help: "add `contact:` with one of " + ids.map { "`\($0)`" }.joined(separator: ", ")))
            }
        }
    }
}
