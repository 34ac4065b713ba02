@testable import FlowMail
import FlowRuntime
import FlowSyntax
import Testing

@Suite struct TemplateRendererTests {
    @Test func rendersEveryRoot() throws {
        let email = try Fixtures.render(text: "{{contact.id}} {{contact.email}} {{trigger.event}} {{trigger.timestamp}} {{flow.id}} {{step.id}} {{message.id}}")
        #expect(email.text == "u1 ana@example.com Checkout Started 2026-03-01T09:05:00.250Z abandoned-cart reminder 0123456789abcdef0123456789abcdef")
    }

    @Test func escapesOnlyInHTMLBodies() throws {
        let send = Fixtures.send(template: "t", traits: [("first_name", .string("<b>Tom & \"Jerry\"</b>"))])
        let email = try Fixtures.render(subject: "{{contact.first_name}}", text: "{{contact.first_name}}", html: "{{contact.first_name}}|{{{contact.first_name}}}", send)
        #expect(email.subject == "<b>Tom & \"Jerry\"</b>")
        #expect(email.text == "<b>Tom & \"Jerry\"</b>")
        #expect(email.html == "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;|<b>Tom & \"Jerry\"</b>")
    }

    @Test func lineBreaksFromDataBecomeOneSpaceInHeaders() throws {
        let send = Fixtures.send(template: "t", traits: [("first_name", .string("Ana\r\n\r\nBcc: x@evil.example\nMaria"))])
        let email = try Fixtures.render(subject: "Hi {{contact.first_name}}!\n", text: "{{contact.first_name}}", send)
        #expect(email.subject == "Hi Ana Bcc: x@evil.example Maria!")
        #expect(email.text == "Ana\r\n\r\nBcc: x@evil.example\nMaria")
    }

    @Test func fromIsATemplateWithHeaderRules() throws {
        let send = Fixtures.send(template: "t", traits: [("first_name", .string("Ana\nB"))], from: "{{contact.first_name}} at Shop <hello@shop.example>")
        let email = try Fixtures.render(send)
        #expect(email.from == EmailAddress(displayName: "Ana B at Shop", localPart: "hello", domain: "shop.example"))
    }

    @Test func invalidFromIsAnError() throws {
        #expect(throws: MailError.self) { try Fixtures.render(Fixtures.send(template: "t", from: "not an address")) }
    }

    @Test func numbersRenderAsWritten() throws {
        let email = try Fixtures.render(text: "{{trigger.properties.value}} {{trigger.properties.hours}}")
        #expect(email.text == "59.90 48")
    }

    @Test func sectionsAndInvertedSections() throws {
        let template = "Hi {{contact.first_name}}{{^contact.first_name}}there{{/contact.first_name}}"
        for (value, expected) in [(Value.string("Ana"), "Hi Ana"), (.null, "Hi there"), (.string(""), "Hi there"), (.bool(false), "Hi falsethere"), (.list([]), "Hi there")] {
            let email = try Fixtures.render(text: template, Fixtures.send(template: "t", traits: [("first_name", value)]))
            #expect(email.text == expected, "first_name = \(value)")
        }
        let missing = try Fixtures.render(text: template, Fixtures.send(template: "t", traits: []))
        #expect(missing.text == "Hi there")
    }

    @Test func listsIterateAndObjectsNest() throws {
        let items = Value.list([.object(.init([("name", .string("Mug"))])), .object(.init([("name", .string("Tea"))]))])
        let send = Fixtures.send(template: "t", properties: [("items", items), ("tags", .list([.string("a"), .number(.init(2))]))])
        let email = try Fixtures.render(text: "{{#trigger.properties.items}}[{{name}}]{{/trigger.properties.items}} {{trigger.properties.tags}} {{trigger.properties}}.", send)
        #expect(email.text == "[Mug][Tea] a, 2 .")
    }

    /// An inverted section over an empty list pushes the list; names inside it are looked up
    /// around it, never in the list's own storage.
    @Test func namesInsideAnEmptyListsInvertedSectionAreLookedUpAroundIt() throws {
        let send = Fixtures.send(template: "t", properties: [("tags", .list([]))])
        let email = try Fixtures.render(text: "{{^trigger.properties.tags}}none{{items}} {{contact.first_name}}{{/trigger.properties.tags}}", send)
        #expect(email.text == "none Ana")
    }

    @Test func unknownNamesRenderEmpty() throws {
        let email = try Fixtures.render(text: "<{{nope}}|{{contact.nope}}|{{trigger.properties.nope.deeper}}|{{.}}|{{#nope}}x{{/nope}}>")
        #expect(email.text == "<||||>")
    }

    @Test func unsubscribeURLIsRenderedPerMessageWithDataPercentEncoded() throws {
        let renderer = try Fixtures.renderer()
        let first = try renderer.render(Fixtures.send(id: "00000000000000000000000000000001", contact: "a&b c"))
        let second = try renderer.render(Fixtures.send(id: "00000000000000000000000000000002"))
        #expect(first.unsubscribeURL == "https://shop.example/u?c=a%26b%20c&m=00000000000000000000000000000001")
        #expect(second.unsubscribeURL == "https://shop.example/u?c=u1&m=00000000000000000000000000000002")
        #expect(first.text?.contains("Unsubscribe: https://shop.example/u?c=a%26b%20c&m=00000000000000000000000000000001") == true)
        #expect(first.html?.contains("href=\"https://shop.example/u?c=a%26b%20c&amp;m=00000000000000000000000000000001\"") == true)
    }

    @Test func subjectOverrideIsATemplate() throws {
        let email = try Fixtures.renderer().render(Fixtures.send(subject: "Last call, {{contact.first_name}}"))
        #expect(email.subject == "Last call, Ana")
        #expect(email.preheader == "Saved for 48 hours")
    }

    @Test func standaloneTagsBehaveTheSameInTextAndHTML() throws {
        let source = "{{#contact.first_name}}\nHi {{contact.first_name}}\n{{/contact.first_name}}\nbye\n"
        let email = try Fixtures.render(text: source, html: source)
        #expect(email.text == "Hi Ana\nbye\n")
        #expect(email.html == email.text)
    }

    @Test func syntaxErrorsNameTheTemplateAndField() throws {
        do {
            _ = try TemplateRenderer(templates: [TemplateSource(id: "bad", subject: "{{#a}}x", text: "t")], unsubscribeURL: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("template `bad` field `subject`"))
            #expect(error.message.contains("never closed"))
        }
    }

    /// Subjects are remembered per send origin; sends made one by one each bring an origin of
    /// their own, more than the renderer has slots for, and every one still gets its own subject.
    @Test func subjectsFollowTheirOriginPastTheRemembered() throws {
        let renderer = try Fixtures.renderer()
        var sends: [PlannedSend] = []
        for index in 0..<5000 {
            let send = Fixtures.send(subject: index.isMultiple(of: 2) ? "S\(index) {{contact.first_name}}" : nil)
            sends.append(send) // kept alive, so no origin's identity is reused by the next one
            #expect(try renderer.renderSubject(send) == (index.isMultiple(of: 2) ? "S\(index) Ana" : "Ana, your cart is waiting"))
        }
        #expect(try renderer.renderSubject(sends[10]) == "S10 Ana")
        #expect(renderer.rememberedOrigins <= TemplateRenderer.originSlots)
    }

    @Test func unknownTemplateIsAnError() throws {
        #expect(throws: MailError.self) { try Fixtures.renderer().render(Fixtures.send(template: "missing")) }
    }
}
