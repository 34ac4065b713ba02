import FlowSyntax
import Testing
@testable import FlowIR

/// `KeysRead`: the traits and property keys replay can observe, from expressions and templates.
@Suite struct KeysReadTests {
    func keys(expressions: [String] = [], templates: [String] = []) throws -> KeysRead {
        var keys = KeysRead()
        for text in expressions { keys.add(try ExpressionParser.parse(text)) }
        for text in templates { keys.add(template: text) }
        return keys
    }

    @Test func theRunnerReadsEmailTimezoneAndFeedbackProperties() throws {
        let keys = try keys()
        #expect(keys.traits == ["email", "timezone"])
        #expect(keys.properties == ["email_id", "type"])
    }

    @Test func expressionsNameTraitsAndPropertiesOfEveryRoot() throws {
        let keys = try keys(expressions: [
            #"contact.first_name == "Ana" and contact["loyalty tier"] != null"#,
            "event.properties.value > 0 and exists(trigger.properties.checkout_id)",
            "lower(event.properties.items.sku) == contact.id", // `contact.id` is the id, not a trait
            "len([trigger.event, event.timestamp, event.other]) > 0",
        ])
        #expect(keys.traits == ["email", "timezone", "first_name", "loyalty tier"])
        #expect(keys.properties == ["email_id", "type", "value", "checkout_id", "items"])
    }

    @Test(arguments: ["len(contact) > 0", "event == null"])
    func aWholeRootReadsEverything(expression: String) throws {
        let keys = try keys(expressions: [expression])
        #expect(keys.traits == nil)
        #expect(keys.properties == nil)
    }

    @Test func wholePropertiesReadEveryPropertyButNoMoreTraits() throws {
        let keys = try keys(expressions: ["len(trigger.properties) > 1"])
        #expect(keys.traits == ["email", "timezone"])
        #expect(keys.properties == nil)
    }

    @Test func templatesNameTraitsAndTriggerProperties() throws {
        let keys = try keys(templates: [
            "Hi {{contact.first_name}}{{^contact.nickname}}there{{/contact.nickname}}",
            "{{#trigger.properties.items}}{{name}} {{.}}{{/trigger.properties.items}} {{trigger.event}} {{{flow.id}}}",
            "{{uppercased(contact.city)}} {{message.id}} {{unsubscribe_url}} {{! contact.secret }}",
        ])
        #expect(keys.traits == ["email", "timezone", "first_name", "nickname", "city"])
        #expect(keys.properties == ["email_id", "type", "items"])
    }

    /// Names as swift-mustache splits them: empty parts dropped, a leading dot looking in the
    /// current value (the root at the top, and inside a section over `true`).
    @Test func dotsInNamesAreReadAsSwiftMustacheReadsThem() throws {
        let keys = try keys(templates: [
            "{{.contact.first_name}} {{contact..nick}} {{#contact.vip}}{{.contact.tier}}{{/contact.vip}}",
            "{{trigger.properties..sku}} {{#first()}}x{{/first()}}",
        ])
        #expect(keys.traits == ["email", "timezone", "first_name", "nick", "vip", "tier"])
        #expect(keys.properties == ["email_id", "type", "sku"])
        #expect(try self.keys(templates: ["{{#contact.}}{{last_name}}{{/contact.}}"]).traits == nil)
        #expect(try self.keys(templates: ["{{#trigger.properties.}}{{coupon}}{{/trigger.properties.}}"]).properties == nil)
        #expect(try self.keys(templates: ["{{..}}"]).traits == nil)
    }

    @Test func aSectionOverAWholeObjectReadsAllOfIt() throws {
        let contact = try keys(templates: ["{{#contact}}{{nickname}}{{/contact}}"])
        #expect(contact.traits == nil)
        #expect(contact.properties == ["email_id", "type"])
        for template in ["{{#trigger.properties}}{{coupon}}{{/trigger.properties}}", "{{#trigger}}{{properties.sku}}{{/trigger}}"] {
            let trigger = try keys(templates: [template])
            #expect(trigger.traits == ["email", "timezone"])
            #expect(trigger.properties == nil)
        }
    }

    @Test(arguments: ["{{.}}", "{{>footer}}", "{{<layout}}{{$body}}x{{/body}}{{/layout}}", "{{#unclosed}}"])
    func aTemplateThatMayReadAWholeObjectReadsEverything(template: String) throws {
        let keys = try keys(templates: [template])
        #expect(keys.traits == nil)
        #expect(keys.properties == nil)
    }

    @Test func aProjectAddsItsFlowsTemplatesAddressesSubjectsAndUnsubscribeURL() throws {
        let project = ProjectLoader.load(directory: "p", files: [
            "flowc.yaml": """
                from: "Shop <hello@shop.example>"
                unsubscribe_url: "https://shop.example/u?c={{contact.id}}&l={{contact.locale}}"
                """,
            "cart.flow.yaml": """
                flow: cart
                trigger: { event: Checkout Started, where: event.properties.value > 0 }
                audience: contact.country != "US"
                steps:
                  - send: { template: cart, subject: "{{trigger.properties.sku}} is waiting", from: "{{contact.rep}} <rep@shop.example>" }
                """,
            "birthday.flow.yaml": """
                flow: birthday
                trigger: { date: contact.birthday, at: "10:00" }
                steps: [{ send: cart }]
                """,
            "anniversary.flow.yaml": """
                flow: anniversary
                trigger: { date: 'contact["joined on"]', at: "10:00" }
                steps: [{ wait: 1h }]
                """,
            "odd.flow.yaml": """
                flow: odd
                trigger: { date: contact.id, at: "10:00" }
                steps: [{ wait: 1h }]
                """,
            "templates/cart.email.yaml": """
                subject: "{{contact.first_name}}, your cart"
                preheader: "{{trigger.properties.currency}}"
                text: "{{trigger.properties.total}}"
                html: "<p>{{contact.last_name}}</p>"
                """,
        ])
        #expect(project.diagnostics.filter { $0.severity == .error }.isEmpty, "\(project.diagnostics)")
        let compiled = IRCompiler.compile(project)
        let keys = compiled.keysRead
        // A date trigger reads its trait by name, `id` included (`contact.id` elsewhere is the id).
        #expect(compiled.dateTriggers.map(\.trait).sorted() == ["birthday", "id", "joined on"])
        #expect(keys.traits == ["email", "timezone", "locale", "country", "rep", "birthday", "joined on", "id", "first_name", "last_name"])
        #expect(keys.properties == ["email_id", "type", "value", "sku", "currency", "total"])
    }
}
