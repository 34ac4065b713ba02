import FlowRuntime
import Foundation

/// A complete RFC 5322 message (MIME, RFC 2045–2047) for one send: the bytes an `.eml` file or
/// an SMTP `DATA` command carries. CRLF line breaks throughout; the same input always gives the
/// same bytes (no clock, no randomness).
///
/// Headers, in order: `From`, `To`, `Subject`, `Date` (the replay time, UTC), `Message-ID`
/// (`<ID@DOMAIN>`, DOMAIN from the from address), `MIME-Version`, for marketing mail with an
/// unsubscribe URL `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
/// (RFC 8058), then `X-Flowc-Flow` and `X-Flowc-Step` (which flow and step sent it).
/// Body: text only → `text/plain`; html only → `text/html`; both → `multipart/alternative`
/// with the text part first and the boundary `=_flowc_ID` (it cannot occur in
/// quoted-printable). Parts are UTF-8, quoted-printable, lines at most 76 characters.
/// The preheader becomes a hidden `<div>` right after `<body …>` (or at the very top when the
/// html has no body tag); text bodies do not repeat it.
public struct MIMEMessage: Hashable, Sendable {
    public let bytes: [UInt8]
    /// The `Message-ID` value, `<ID@DOMAIN>`.
    public let messageID: String

    public init(send: PlannedSend, email: RenderedEmail) throws(MailError) {
        messageID = "<\(send.id)@\(email.from.domain)>"
        var fields: [HeaderField] = [
            .mailbox("From", email.from),
            HeaderField(name: "To", tokens: [" " + send.to]),
            .unstructured("Subject", email.subject),
            HeaderField(name: "Date", tokens: [" " + RFC5322Date.format(send.time)]),
            HeaderField(name: "Message-ID", tokens: [" " + messageID]),
            HeaderField(name: "MIME-Version", tokens: [" 1.0"]),
        ]
        if !send.transactional, let url = email.unsubscribeURL, !url.isEmpty {
            fields.append(HeaderField(name: "List-Unsubscribe", tokens: [" <\(url)>"]))
            fields.append(HeaderField(name: "List-Unsubscribe-Post", tokens: [" List-Unsubscribe=One-Click"]))
        }
        fields.append(.unstructured("X-Flowc-Flow", send.flow))
        fields.append(.unstructured("X-Flowc-Step", send.step))

        let html = email.html.map { Self.insertingPreheader(email.preheader, into: $0) }
        var body: String
        switch (email.text, html) {
        case (let text?, let html?):
            let boundary = "=_flowc_" + send.id
            fields.append(HeaderField(name: "Content-Type", tokens: [" multipart/alternative;", " boundary=\"\(boundary)\""]))
            body = "--\(boundary)\r\n" + Self.part("text/plain", text)
                + "\r\n--\(boundary)\r\n" + Self.part("text/html", html)
                + "\r\n--\(boundary)--\r\n"
        case (nil, let html?):
            fields += Self.contentFields("text/html")
            body = "\r\n" + QuotedPrintable.encode(html)
        case (let text, nil):
            fields += Self.contentFields("text/plain")
            body = "\r\n" + QuotedPrintable.encode(text ?? "")
        }

        var header = ""
        for line in fields.flatMap(\.lines) {
            guard line.utf8.count <= HeaderField.hardLimit else {
                throw MailError("message \(send.id) has a header line longer than \(HeaderField.hardLimit) characters (`\(line.prefix(40))…`); shorten the unsubscribe URL or the value")
            }
            header += line + "\r\n"
        }
        bytes = Array((header + body).utf8)
    }

    private static func contentFields(_ type: String) -> [HeaderField] {
        [
            HeaderField(name: "Content-Type", tokens: [" \(type);", " charset=utf-8"]),
            HeaderField(name: "Content-Transfer-Encoding", tokens: [" quoted-printable"]),
        ]
    }

    /// A body part: its headers, a blank line, the encoded content (ending in CRLF).
    private static func part(_ type: String, _ content: String) -> String {
        contentFields(type).flatMap(\.lines).map { $0 + "\r\n" }.joined() + "\r\n" + QuotedPrintable.encode(content)
    }

    /// The preheader as a hidden element right after the opening `<body>` tag, else at the top.
    static func insertingPreheader(_ preheader: String?, into html: String) -> String {
        guard let preheader, !preheader.isEmpty else { return html }
        let element = "<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all\" aria-hidden=\"true\">"
            + HTMLText.escape(preheader) + "</div>\n"
        guard let bodyTag = html.range(of: "<body", options: .caseInsensitive),
              let tagEnd = html[bodyTag.upperBound...].firstIndex(of: ">")
        else { return element + html }
        let insertion = html.index(after: tagEnd)
        return String(html[..<insertion]) + "\n" + element + String(html[insertion...])
    }
}

/// HTML escaping for text placed into markup (the preheader).
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
