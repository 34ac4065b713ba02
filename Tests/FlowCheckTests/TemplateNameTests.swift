import FlowCheck
import FlowSyntax
import Testing

/// FC403 reads template names as swift-mustache looks them up: empty parts dropped, a leading
/// dot looking in the current value (the root at the top of a template, a section's value inside).
@Suite struct TemplateNameTests {
    /// The FC403 messages for a template text in a project with a schema.
    func unknownNames(_ text: String) -> [String] {
        let project = ProjectLoader.load(directory: "p", files: [
            "flowc.yaml": """
                from: "Shop <hello@shop.example>"
                schema:
                  contact: { first_name: string, email: string }
                  events:
                    Checkout Started: { items: list }
                """,
            "cart.flow.yaml": """
                flow: cart
                transactional: true
                trigger: { event: Checkout Started }
                steps: [{ send: cart }]
                """,
            "templates/cart.email.yaml": "subject: \"\(text)\"\ntext: x\n",
        ])
        return Checker.check(project).filter { $0.code == "FC403" }.map(\.message)
    }

    @Test func aLeadingDotAtTheTopLooksInTheRoot() {
        #expect(unknownNames("{{.contact.first_name}}") == [])
        #expect(unknownNames("{{.contact.frist_name}}") == ["unknown variable `contact.frist_name` in template"])
    }

    @Test func emptyPartsAreDropped() {
        #expect(unknownNames("{{contact..first_name}} {{#contact.}}x{{/contact.}}") == [])
        #expect(unknownNames("{{contact..frist_name}}") == ["unknown variable `contact.frist_name` in template"])
    }

    @Test func insideASectionALeadingDotIsTheSectionsValue() {
        #expect(unknownNames("{{#trigger.properties.items}}{{.name}} {{.}}{{/trigger.properties.items}}") == [])
        #expect(unknownNames("{{#trigger.properties.items}}{{contact.frist_name}}{{/trigger.properties.items}}")
            == ["unknown variable `contact.frist_name` in template"])
    }
}
