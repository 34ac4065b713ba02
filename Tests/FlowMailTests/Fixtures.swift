@testable import FlowMail
import FlowRuntime
import FlowSyntax

/// Builders shared by the FlowMail tests.
enum Fixtures {
    static let cart = TemplateSource(
        id: "cart",
        subject: "{{contact.first_name}}, your cart is waiting",
        preheader: "Saved for {{trigger.properties.hours}} hours",
        text: "Hi {{contact.first_name}}{{^contact.first_name}}there{{/contact.first_name}}, total {{trigger.properties.value}}\nUnsubscribe: {{unsubscribe_url}}\n",
        html: "<html><body><p>Hi {{contact.first_name}}</p><a href=\"{{unsubscribe_url}}\">unsubscribe</a></body></html>\n"
    )

    static func send(
        id: String = "0123456789abcdef0123456789abcdef", time: Int64 = 1_772_355_900_250, template: String = "cart",
        subject: String? = nil, contact: String = "u1", traits: [(String, Value)] = [("first_name", .string("Ana"))],
        properties: [(String, Value)] = [("value", .number(.init(59.9, text: "59.90"))), ("hours", .number(.init(48)))],
        transactional: Bool = false, from: String = "Shop <hello@shop.example>"
    ) -> PlannedSend {
        PlannedSend(
            messageID: MessageID(hex: id)!, time: time, flow: "abandoned-cart", step: "reminder", template: template, subjectOverride: subject,
            contact: contact, transactional: transactional, from: from,
            traits: Value.Object(traits + [("email", .string("ana@example.com"))]),
            trigger: .init(name: "Checkout Started", timestamp: 1_772_355_900_250, properties: Value.Object(properties))
        )
    }

    static func renderer(_ templates: [TemplateSource] = [cart], unsubscribeURL: String? = "https://shop.example/u?c={{contact.id}}&m={{message.id}}") throws -> TemplateRenderer {
        try TemplateRenderer(templates: templates, unsubscribeURL: unsubscribeURL)
    }

    /// Renders one field of a one-template project: `subject` unescaped, `html` escaped.
    static func render(subject: String = "s", text: String? = nil, html: String? = nil, _ send: PlannedSend = send(template: "t")) throws -> RenderedEmail {
        try renderer([TemplateSource(id: "t", subject: subject, text: text, html: html)]).render(send)
    }
}
