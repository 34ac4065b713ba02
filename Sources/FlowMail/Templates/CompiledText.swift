import FlowSyntax
import Mustache

/// One Mustache template string, compiled once, rendering either HTML-escaped or as plain text.
struct CompiledText: Sendable {
    enum Escaping: Sendable {
        /// `{{x}}` is HTML-escaped (html bodies).
        case html
        /// Nothing is escaped (text bodies, headers, the preheader, the unsubscribe URL).
        case none
    }

    private let template: MustacheTemplate
    /// Whether the text refers to `unsubscribe_url` (so callers can skip rendering the link).
    let mentionsUnsubscribeURL: Bool
    /// The same text as a plain header template, when it is one (plain-text texts only).
    let plainHeader: PlainHeaderTemplate?

    /// Compiles `source`; `place` names it in the error ("template `cart` field `subject`").
    init(_ source: String, escaping: Escaping, place: @autoclosure () -> String) throws(MailError) {
        // swift-mustache escapes HTML unless told otherwise; the pragma on a line of its own is a
        // standalone tag, so the user's first line keeps its standalone-tag handling.
        let prefix = escaping == .none ? "{{% CONTENT_TYPE: TEXT}}\n" : ""
        mentionsUnsubscribeURL = source.contains("unsubscribe_url")
        plainHeader = escaping == .none ? PlainHeaderTemplate(source) : nil
        do {
            template = try MustacheTemplate(string: prefix + source)
        } catch {
            let problem = TemplateReferences.scan(source).error?.message ?? "\(error)"
            throw .templateSyntax(place(), problem: problem)
        }
    }

    func render(_ root: TemplateObject) -> String {
        template.render(root)
    }
}
