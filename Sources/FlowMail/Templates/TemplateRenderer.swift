import FlowIR
import FlowRuntime
import FlowSyntax
import Foundation

/// Renders a planned send's template (spec section 5): compiles every template string once,
/// then renders per message with the names `contact.*`, `trigger.*`, `flow.id`, `step.id`,
/// `message.id` and `unsubscribe_url`.
///
/// Escaping: `{{x}}` is HTML-escaped in `html` bodies only. Header values (subject, from) have
/// every run of CR/LF from data turned into one space; after rendering, line breaks written in
/// the template itself are collapsed the same way, except at either end, where they are dropped.
/// Spaces are never trimmed (data renders as it is). The preheader is rendered like a header (one
/// plain-text line). Data placed into the unsubscribe URL is percent-encoded, so a contact id like
/// `a&b` cannot break the URL.
public final class TemplateRenderer: @unchecked Sendable {
    /// A class, so that finding a template for a send costs one retain, not one per part.
    private final class Compiled: Sendable {
        let subject: CompiledText
        let preheader: CompiledText?
        let text: CompiledText?
        let html: CompiledText?

        init(subject: CompiledText, preheader: CompiledText?, text: CompiledText?, html: CompiledText?) {
            self.subject = subject
            self.preheader = preheader
            self.text = text
            self.html = html
        }
    }

    private let templates: [String: Compiled]
    private let unsubscribeURL: CompiledText?
    /// Subject overrides and resolved `from` values, compiled on first use (guarded by `lock`).
    private var headerTemplates: [String: CompiledText] = [:]
    /// The subject templates of the send origins met (guarded by `lock`), each in the slot its
    /// address picks: found by the origin's identity instead of hashing a template name and a
    /// subject override for every run record. A replay makes one origin per option of a send
    /// step; an origin whose slot another one took is looked up again, so sends made one by one
    /// (each with an origin of its own) cannot grow it. No dynamic exclusivity checks: `lock`
    /// guards every access, and the checks cost more than the look-up.
    @exclusivity(unchecked) private var subjectsByOrigin = [OriginSubject?](repeating: nil, count: TemplateRenderer.originSlots)
    static let originSlots = 1024

    /// How many origins' subjects are remembered now.
    var rememberedOrigins: Int {
        lock.lock()
        defer { lock.unlock() }
        return subjectsByOrigin.count { $0 != nil }
    }

    /// A send origin's subject template, shared by reference (copying a template costs more than
    /// finding it). The origin is kept, so its identity is not reused while the entry exists.
    private final class OriginSubject: Sendable {
        let origin: SendOrigin
        let template: CompiledText

        init(origin: SendOrigin, template: CompiledText) {
            self.origin = origin
            self.template = template
        }
    }
    private let lock = NSLock()

    /// Compiles every template and the project's `unsubscribe_url`; throws on the first invalid one.
    /// (A template's `from` is not compiled here: it reaches `render` as `PlannedSend.from`.)
    public init(templates: [TemplateSource], unsubscribeURL: String?) throws(MailError) {
        var compiled: [String: Compiled] = [:]
        for template in templates {
            let place = { (field: String) in "template `\(template.id)` field `\(field)`" }
            func compile(_ source: String?, _ field: String, _ escaping: CompiledText.Escaping) throws(MailError) -> CompiledText? {
                guard let source else { return nil }
                return try CompiledText(source, escaping: escaping, place: place(field))
            }
            compiled[template.id] = Compiled(
                subject: try CompiledText(template.subject, escaping: .none, place: place("subject")),
                preheader: try compile(template.preheader, "preheader", .none),
                text: try compile(template.text, "text", .none),
                html: try compile(template.html, "html", .html)
            )
        }
        self.templates = compiled
        self.unsubscribeURL = try unsubscribeURL.map { source throws(MailError) in
            try CompiledText(source, escaping: .none, place: "the project's `unsubscribe_url`")
        }
    }

    /// Renders every part of `send`'s email.
    public func render(_ send: PlannedSend) throws(MailError) -> RenderedEmail {
        let template = try compiled(send)
        let url = unsubscribeLink(send)
        let body = root(send, unsubscribeURL: url, filter: { $0 })
        let header = root(send, unsubscribeURL: url, filter: TextFilters.collapsingLineBreaks)
        let fromTemplate = try headerTemplate(send.from, place: "the `from` address of flow `\(send.flow)`")
        let fromText = TextFilters.headerLine(fromTemplate.render(header))
        guard let from = EmailAddress.parse(fromText) else { throw .invalidFrom(fromText, messageID: send.id) }

        return RenderedEmail(
            subject: TextFilters.headerLine(try subjectTemplate(send, template).render(header)),
            preheader: template.preheader.map { TextFilters.headerLine($0.render(header)) },
            from: from,
            text: template.text?.render(body),
            html: template.html?.render(body),
            unsubscribeURL: url
        )
    }

    /// Renders only the subject of `send`'s email (for run records), the same way `render` does.
    /// A plain subject (see `PlainHeaderTemplate`) is rendered without swift-mustache; the
    /// unsubscribe link is rendered only when the subject uses it.
    public func renderSubject(_ send: PlannedSend) throws(MailError) -> String {
        let subject = try subjectTemplate(of: send).template
        if let text = subject.plainHeader?.render(send) { return text }
        return renderedWithMustache(subject, send)
    }

    /// Appends `send`'s subject to `out` as a JSON string: the text `renderSubject` gives, a plain
    /// subject written straight into the buffer (for `flowc run --json` lines).
    public func appendQuotedSubject(_ send: PlannedSend, to out: inout ByteBuffer) throws(MailError) {
        let subject = try subjectTemplate(of: send).template
        if let plain = subject.plainHeader {
            let start = out.count
            out.append(UInt8(ascii: "\""))
            if plain.write(send, to: &out) {
                out.append(UInt8(ascii: "\""))
                return
            }
            out.truncate(toCount: start)
        }
        out.appendQuoted(renderedWithMustache(subject, send))
    }

    private func renderedWithMustache(_ subject: CompiledText, _ send: PlannedSend) -> String {
        let url = subject.mentionsUnsubscribeURL ? unsubscribeLink(send) : nil
        return TextFilters.headerLine(subject.render(root(send, unsubscribeURL: url, filter: TextFilters.collapsingLineBreaks)))
    }

    /// The subject template of `send`'s origin, remembered per origin.
    private func subjectTemplate(of send: PlannedSend) throws(MailError) -> OriginSubject {
        // Objects are 16-byte aligned: the address bits above those pick the slot.
        let slot = Int(UInt(bitPattern: ObjectIdentifier(send.origin)) >> 4) & (Self.originSlots - 1)
        lock.lock()
        let known = subjectsByOrigin[slot]
        lock.unlock()
        if let known, known.origin === send.origin { return known }
        let subject = OriginSubject(origin: send.origin, template: try subjectTemplate(send, compiled(send)))
        lock.lock()
        subjectsByOrigin[slot] = subject
        lock.unlock()
        return subject
    }

    private func compiled(_ send: PlannedSend) throws(MailError) -> Compiled {
        guard let template = templates[send.template] else { throw .unknownTemplate(send.template, messageID: send.id) }
        return template
    }

    private func unsubscribeLink(_ send: PlannedSend) -> String? {
        unsubscribeURL.map { TextFilters.headerLine($0.render(root(send, unsubscribeURL: nil, filter: TextFilters.percentEncoded))).trimmingWhitespace() }
    }

    private func subjectTemplate(_ send: PlannedSend, _ template: Compiled) throws(MailError) -> CompiledText {
        guard let source = send.subjectOverride else { return template.subject }
        // Only the names are captured for the message: capturing `send` would copy it.
        let step = send.step, flow = send.flow
        return try headerTemplate(source, place: "the `subject` of step `\(step)` in flow `\(flow)`")
    }

    private func headerTemplate(_ source: String, place: @autoclosure () -> String) throws(MailError) -> CompiledText {
        lock.lock()
        defer { lock.unlock() }
        if let compiled = headerTemplates[source] { return compiled }
        let compiled = try CompiledText(source, escaping: .none, place: place())
        headerTemplates[source] = compiled
        return compiled
    }

    private func root(_ send: PlannedSend, unsubscribeURL: String?, filter: @escaping (String) -> String) -> TemplateObject {
        let context = TemplateContext(filter: filter)
        var contact = context.object(send.traits)
        contact.members["id"] = context.convert(.string(send.contact))
        let trigger = context.object([
            ("event", context.convert(.string(send.trigger.name))),
            ("timestamp", context.convert(.timestamp(send.trigger.timestamp))),
            ("properties", context.object(send.trigger.properties.object)),
        ])
        var members: [(String, Any)] = [
            ("contact", contact),
            ("trigger", trigger),
            ("flow", context.object([("id", context.convert(.string(send.flow)))])),
            ("step", context.object([("id", context.convert(.string(send.step)))])),
            ("message", context.object([("id", context.convert(.string(send.id)))])),
        ]
        if let unsubscribeURL { members.append(("unsubscribe_url", context.convert(.string(unsubscribeURL)))) }
        return context.object(members)
    }
}
