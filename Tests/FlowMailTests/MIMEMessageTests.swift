import FlowRuntime
import Foundation
@testable import FlowMail
import FlowSyntax
import Testing

@Suite struct MIMEMessageTests {
    private func message(_ email: RenderedEmail, _ send: PlannedSend = Fixtures.send()) throws -> (bytes: [UInt8], parsed: ParsedEmail) {
        let bytes = try MIMEMessage(send: send, email: email).bytes
        return (bytes, try ParsedEmail.parse(bytes))
    }

    private let shop = EmailAddress(displayName: "Shop", localPart: "hello", domain: "shop.example")

    @Test func headersOfAMarketingMessage() throws {
        let email = RenderedEmail(subject: "Ana, your cart is waiting", from: shop, text: "Hi\n", unsubscribeURL: "https://shop.example/u?c=u1")
        let (_, parsed) = try message(email)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.headers["From"] == "Shop <hello@shop.example>")
        #expect(parsed.headers["To"] == "ana@example.com")
        #expect(parsed.headers["Subject"] == "Ana, your cart is waiting")
        #expect(parsed.headers["Date"] == "Sun, 01 Mar 2026 09:05:00 +0000")
        #expect(parsed.headers["Message-ID"] == "<0123456789abcdef0123456789abcdef@shop.example>")
        #expect(parsed.headers["MIME-Version"] == "1.0")
        #expect(parsed.headers["List-Unsubscribe"] == "<https://shop.example/u?c=u1>")
        #expect(parsed.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(parsed.headers["X-Flowc-Flow"] == "abandoned-cart")
        #expect(parsed.headers["X-Flowc-Step"] == "reminder")
        #expect(parsed.parts.map(\.type) == ["text/plain"])
        #expect(parsed.parts.first?.content == "Hi\n")
    }

    @Test func transactionalMailHasNoListUnsubscribe() throws {
        let email = RenderedEmail(subject: "Receipt", from: shop, text: "Thanks\n", unsubscribeURL: "https://shop.example/u")
        let (_, parsed) = try message(email, Fixtures.send(transactional: true))
        #expect(parsed.headers["List-Unsubscribe"] == nil)
        #expect(parsed.headers["List-Unsubscribe-Post"] == nil)
    }

    @Test func nonASCIIHeadersAreEncodedWordsFoldedWithin78() throws {
        let subject = String(repeating: "Grüße, Zoë — ваша корзина ждёт 🛒 ", count: 4) + "end"
        let from = EmailAddress(displayName: "Café Ünïcode, \"Best\" Shop", localPart: "hello", domain: "shop.example")
        let (bytes, parsed) = try message(RenderedEmail(subject: subject, from: from, text: "x\n"))
        #expect(parsed.headers["Subject"] == subject)
        #expect(parsed.fromName == "Café Ünïcode, \"Best\" Shop")
        #expect(parsed.fromAddress == "hello@shop.example")
        let header = Self.headerLines(bytes)
        #expect(header.allSatisfy { $0.utf8.count <= 78 }, "\(header.filter { $0.utf8.count > 78 })")
        #expect(header.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(header.contains { $0.hasPrefix("Subject: =?UTF-8?Q?") })
    }

    @Test func longASCIISubjectIsFoldedAtSpaces() throws {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let (bytes, parsed) = try message(RenderedEmail(subject: subject, from: shop, text: "x\n"))
        #expect(parsed.headers["Subject"] == subject)
        let lines = Self.headerLines(bytes)
        #expect(lines.filter { $0.hasPrefix(" word") }.count >= 2)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func quotedDisplayNamesAreQuoted() throws {
        let from = EmailAddress(displayName: "Shop, Inc.", localPart: "hello", domain: "shop.example")
        let (bytes, parsed) = try message(RenderedEmail(subject: "s", from: from, text: "x\n"))
        #expect(Self.headerLines(bytes).contains("From: \"Shop, Inc.\" <hello@shop.example>"))
        #expect(parsed.fromName == "Shop, Inc.")
    }

    @Test func bothBodiesMakeMultipartAlternativeTextFirst() throws {
        let text = "Grüße Ana,\n" + String(repeating: "long line with = signs and ümlauts ", count: 10) + "\nbye  \n"
        let html = "<html><body class=\"x\"><p>Hi</p></body></html>\n"
        let email = RenderedEmail(subject: "s", preheader: "Saved <48h> & more", from: shop, text: text, html: html)
        let (bytes, parsed) = try message(email)
        #expect(parsed.multipart == "multipart/alternative")
        #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(parsed.parts.allSatisfy { $0.charset == "utf-8" && $0.cte == "quoted-printable" && $0.defects.isEmpty })
        #expect(parsed.parts[0].content == text)
        #expect(parsed.parts[1].content == "<html><body class=\"x\">\n<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all\" aria-hidden=\"true\">Saved &lt;48h&gt; &amp; more</div>\n<p>Hi</p></body></html>\n")
        let body = String(decoding: bytes, as: UTF8.self)
        #expect(body.contains("boundary=\"=_flowc_0123456789abcdef0123456789abcdef\""))
        Self.expectWellFormedLines(bytes)
    }

    @Test func htmlOnlyAndPreheaderWithoutBodyTag() throws {
        let (_, parsed) = try message(RenderedEmail(subject: "s", preheader: "Hidden", from: shop, html: "<p>Hi</p>"))
        #expect(parsed.multipart == nil)
        #expect(parsed.parts.map(\.type) == ["text/html"])
        #expect(parsed.parts[0].content.hasPrefix("<div style=\"display:none"))
        #expect(parsed.parts[0].content.hasSuffix("Hidden</div>\n<p>Hi</p>\n"))
    }

    @Test func quotedPrintableLinesStayWithin76AndRoundTrip() throws {
        let text = String(repeating: "é", count: 200) + "\n" + String(repeating: "a=b ", count: 40) + "\n\ttab at end\t\n"
        let (bytes, parsed) = try message(RenderedEmail(subject: "s", from: shop, text: text))
        #expect(parsed.parts[0].content == text)
        let bodyLines = Self.lines(bytes).drop { !$0.isEmpty }.dropFirst()
        #expect(bodyLines.allSatisfy { $0.utf8.count <= 76 }, "\(bodyLines.filter { $0.utf8.count > 76 })")
        #expect(bodyLines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
        Self.expectWellFormedLines(bytes)
    }

    @Test func sameInputGivesSameBytes() throws {
        let email = RenderedEmail(subject: "Grüße", from: shop, text: "a\n", html: "<p>a</p>", unsubscribeURL: "https://x.example/u")
        #expect(try MIMEMessage(send: Fixtures.send(), email: email) == MIMEMessage(send: Fixtures.send(), email: email))
    }

    @Test func overlongUnsubscribeURLIsAnError() {
        let email = RenderedEmail(subject: "s", from: shop, text: "a\n", unsubscribeURL: "https://x.example/" + String(repeating: "a", count: 1000))
        #expect(throws: MailError.self) { try MIMEMessage(send: Fixtures.send(), email: email) }
    }

    @Test func datesAreRFC5322InUTC() {
        #expect(RFC5322Date.format(0) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(RFC5322Date.format(-1) == "Wed, 31 Dec 1969 23:59:59 +0000")
        #expect(RFC5322Date.format(1_709_164_800_000) == "Thu, 29 Feb 2024 00:00:00 +0000")
    }

    // MARK: Helpers

    /// Every line ends in CRLF (no bare CR or LF) and is at most 998 characters.
    static func expectWellFormedLines(_ bytes: [UInt8]) {
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at \(index)") }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at \(index)") }
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        #expect(lines(bytes).allSatisfy { $0.utf8.count <= 998 })
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    static func headerLines(_ bytes: [UInt8]) -> [String] {
        Array(lines(bytes).prefix { !$0.isEmpty })
    }
}
