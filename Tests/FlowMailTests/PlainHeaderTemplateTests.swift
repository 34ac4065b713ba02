@testable import FlowMail
import FlowRuntime
import FlowSyntax
import Testing
import TestSupport

/// The plain-subject path (`PlainHeaderTemplate`) against swift-mustache: `renderSubject` takes the
/// plain path, `render(_:).subject` always goes through swift-mustache.
@Suite struct PlainHeaderTemplateTests {
    @Test func rendersGeneratedSubjectsLikeMustache() throws {
        var random = SeededGenerator(seed: 20_261_122)
        for round in 0..<400 {
            let subject = random.subject()
            #expect(PlainHeaderTemplate(subject) != nil, "generated subject should be plain: \(subject)")
            let renderer = try TemplateRenderer(templates: [TemplateSource(id: "t", subject: subject)], unsubscribeURL: nil)
            for _ in 0..<10 {
                let send = random.send(subjectOverride: round.isMultiple(of: 4) ? subject : nil)
                let plain = try renderer.renderSubject(send)
                let mustache = try renderer.render(send).subject
                #expect(plain == mustache, "subject \(subject.debugDescription), traits \(send.traits.pairs)")
                #expect(try jsonSubject(renderer, send) == quoted(mustache), "subject \(subject.debugDescription), traits \(send.traits.pairs)")
            }
        }
    }

    @Test func knownSubjectsStayPlain() {
        for subject in [
            "Hi {{contact.first_name}}{{^contact.first_name}}friend{{/contact.first_name}}!",
            "Order {{ trigger.properties.order_id }} {{flow.id}}/{{step.id}}/{{message.id}}",
            "No tags at all", "", "{ a } }} {",
        ] {
            #expect(PlainHeaderTemplate(subject) != nil, "\(subject)")
        }
    }

    /// A `--json` line gets the same subject, quoted, on the plain path and on the others (whose
    /// subjects come from swift-mustache), also when the plain path gives up half way.
    @Test func jsonSubjectsAreTheRenderedSubjectsQuoted() throws {
        var random = SeededGenerator(seed: 20_261_123)
        let subjects = ["Hi \"{{contact.first_name}}\"\t{{contact.first_name.x}}", "{{#contact.vip}}VIP {{/contact.vip}}{{contact.id}}",
                        "{{contact.nested.inner}}\n{{trigger.properties.order_id}}", "Order {{ trigger.properties.order_id }} \\ {{step.id}}"]
        for subject in subjects {
            let renderer = try TemplateRenderer(templates: [TemplateSource(id: "t", subject: subject)], unsubscribeURL: nil)
            for _ in 0..<50 {
                let send = random.send(subjectOverride: nil)
                #expect(try jsonSubject(renderer, send) == quoted(try renderer.renderSubject(send)), "subject \(subject.debugDescription)")
            }
        }
    }

    /// What `appendQuotedSubject` writes after bytes already in the buffer, which must stay.
    private func jsonSubject(_ renderer: TemplateRenderer, _ send: PlannedSend) throws -> String {
        var buffer = ByteBuffer(capacity: 1)
        buffer.append("[" as StaticString)
        try renderer.appendQuotedSubject(send, to: &buffer)
        return buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    private func quoted(_ text: String) -> String {
        var buffer = ByteBuffer(capacity: 1)
        buffer.append("[" as StaticString)
        buffer.appendQuoted(text)
        return buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    @Test func everythingElseIsLeftToMustache() {
        for subject in [
            "{{#a}}x{{/a}}", "{{{a}}}", "{{&a}}", "{{! note }}", "{{a}}\n", "line\nbreak", "{{unsubscribe_url}}",
            "{{.}}", "{{a..b}}", "{{.a}}", "{{a.}}", "{{}}", "{{^a}}{{b}}{{/a}}", "{{^a}}x{{/b}}", "{{^a}}x",
            "{{> partial}}", "{{=<% %>=}}", "{{% CONTENT_TYPE: TEXT}}", "{{upper(a)}}", "{{a?}}", "{{a", "{{é}}",
        ] {
            #expect(PlainHeaderTemplate(subject) == nil, "\(subject)")
        }
    }
}

private extension SeededGenerator {
    static let names = [
        "contact.first_name", "contact.id", "contact.email", "contact.tags", "contact.score", "contact.vip",
        "contact.since", "contact.gap", "contact.nested", "contact.nested.inner", "contact.nested.inner.deep",
        "contact.first_name.x", "contact.missing", "contact.missing.x", "contact", "trigger", "trigger.event",
        "trigger.timestamp", "trigger.properties", "trigger.properties.order_id", "trigger.properties.items",
        "trigger.properties.x.y", "trigger.other", "flow.id", "step.id", "message.id", "flow.other", "flow",
        "unknown", "unknown.x", "a-b_c",
    ]
    static let texts = ["Hi ", ", ", "!", " ", "  ", "Order ", "é ✓", "{ ", "}", "}}", " { ", "friend", "\t"]

    /// Text, variables and inverted sections around text, with blanks inside tags now and then.
    mutating func subject() -> String {
        var out = ""
        for _ in 0..<index(below: 6) {
            switch index(below: 3) {
            case 0: out += pick(Self.texts)
            case 1: out += "{{" + pad() + pick(Self.names) + pad() + "}}"
            default:
                let name = pick(Self.names)
                out += "{{^" + pad() + name + pad() + "}}" + (index(below: 4) == 0 ? "" : pick(Self.texts)) + "{{/" + name + pad() + "}}"
            }
        }
        return out
    }

    private mutating func pad() -> String { pick(["", "", "", " ", "  ", "\t"]) }

    mutating func value(depth: Int = 0) -> Value {
        switch index(below: depth > 1 ? 7 : 9) {
        case 0: return .null
        case 1: return .bool(index(below: 2) == 0)
        case 2: return .number(pick([.init(59.9, text: "59.90"), .init(0), .init(1000, text: "1e3"), .init(-2.5)]))
        case 3: return .string(pick(["", "Ana", " padded ", "two\nlines", "a\r\n\r\nb", "\nlead", "trail\n", "é\"\\"]))
        case 4: return .timestamp(pick([0, 1_772_355_900_250, 1_772_355_900_000, -86_400_001]))
        case 5: return .duration(pick([0, 1500, 86_400_000, 93_784_005]))
        case 6: return .string("x")
        case 7: return .list((0..<index(below: 4)).map { _ in value(depth: depth + 1) })
        default: return .object(Value.Object([("inner", value(depth: depth + 1)), ("other", value(depth: depth + 1))]))
        }
    }

    mutating func send(subjectOverride: String?) -> PlannedSend {
        var traits: [(String, Value)] = []
        for name in ["first_name", "tags", "score", "vip", "since", "gap", "nested", "id", "email"] where index(below: 3) != 0 {
            traits.append((name, value()))
        }
        let properties = ["order_id", "items", "x"].filter { _ in index(below: 3) != 0 }.map { ($0, value()) }
        return PlannedSend(
            messageID: MessageID(hex: "0123456789abcdef0123456789abcdef")!, time: 1_772_355_900_250, flow: pick(["cart", ""]), step: "#2",
            template: "t", subjectOverride: subjectOverride, contact: pick(["u1", "", "a\nb"]),
            transactional: false, from: "Shop <hello@shop.example>", traits: Value.Object(traits),
            trigger: TriggerEvent(name: pick(["Checkout Started", ""]), timestamp: 1_772_355_900_250, properties: Value.Object(properties)))
    }
}
