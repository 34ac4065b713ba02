import FlowSyntax

/// The Mustache texts of one email template (spec section 5), as `TemplateRenderer` compiles them.
public struct TemplateSource: Hashable, Sendable {
    /// The template id: the file name stem.
    public var id: String
    public var subject: String
    public var preheader: String?
    public var from: String?
    public var text: String?
    public var html: String?

    public init(id: String, subject: String, preheader: String? = nil, from: String? = nil, text: String? = nil, html: String? = nil) {
        self.id = id
        self.subject = subject
        self.preheader = preheader
        self.from = from
        self.text = text
        self.html = html
    }

    /// The texts of a template file the project loader read.
    public init(_ template: EmailTemplate) {
        self.init(
            id: template.id, subject: template.subject?.value ?? "", preheader: template.preheader?.value,
            from: template.from?.value, text: template.text?.value, html: template.html?.value)
    }
}
