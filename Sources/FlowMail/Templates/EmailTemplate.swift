/// An email template (`templates/ID.email.yaml`, spec section 5) as the project loader read it.
///
/// Every field is Mustache source text; `TemplateRenderer` compiles each one once.
public struct EmailTemplate: Hashable, Sendable {
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
}
