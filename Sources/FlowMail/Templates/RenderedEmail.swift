import FlowSyntax
/// A message's rendered parts, ready for MIME encoding.
public struct RenderedEmail: Hashable, Sendable {
    /// One line: CR/LF from data became spaces, surrounding whitespace trimmed.
    public var subject: String
    /// Plain text (not escaped), one line; MIME puts it as a hidden element atop the html body.
    public var preheader: String?
    public var from: EmailAddress
    public var text: String?
    public var html: String?
    /// The rendered project `unsubscribe_url`, if the project sets one.
    public var unsubscribeURL: String?

    public init(subject: String, preheader: String? = nil, from: EmailAddress, text: String? = nil, html: String? = nil, unsubscribeURL: String? = nil) {
        self.subject = subject
        self.preheader = preheader
        self.from = from
        self.text = text
        self.html = html
        self.unsubscribeURL = unsubscribeURL
    }
}
