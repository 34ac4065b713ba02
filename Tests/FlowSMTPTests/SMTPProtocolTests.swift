@testable import FlowMail
@testable import FlowSMTP
import NIOCore
import Testing

/// The protocol pieces that need no server: DATA encoding, reply lines, EHLO keywords, URLs,
/// rates, the retry schedule and credentials.
@Suite struct SMTPProtocolTests {
    private func encoded(_ text: String) -> String {
        String(decoding: MessageData.encode(Array(text.utf8)), as: UTF8.self)
    }

    @Test func dataIsDotStuffedWithCRLFAndEndsWithALoneDot() {
        #expect(encoded("a\r\n.b\r\n..c\r\n.\r\n") == "a\r\n..b\r\n...c\r\n..\r\n.\r\n")
        #expect(encoded("bare\nlf\rcr") == "bare\r\nlf\r\ncr\r\n.\r\n")
        #expect(encoded(".first") == "..first\r\n.\r\n")
        #expect(encoded("") == ".\r\n")
        #expect(encoded("mid.dot .x\r\n") == "mid.dot .x\r\n.\r\n")
    }

    @Test func replyLinesNeedThreeDigitsAndASeparator() throws {
        let more = try #require(SMTPReply.Line("250-SIZE 1000"))
        #expect(more.code == 250 && !more.isLast && more.text == "SIZE 1000")
        let last = try #require(SMTPReply.Line("550 5.1.1 no such user"))
        #expect(last.code == 550 && last.isLast && last.text == "5.1.1 no such user")
        #expect(SMTPReply.Line("354")?.isLast == true)
        #expect(SMTPReply.Line("25") == nil)
        #expect(SMTPReply.Line("abc ok") == nil)
        #expect(SMTPReply.Line("250x") == nil)
    }

    @Test func ehloKeywordsBecomeCapabilities() {
        let reply = SMTPReply(code: 250, lines: ["relay.example greets you", "SIZE 35882577", "8BITMIME", "pipelining", "AUTH PLAIN LOGIN", "STARTTLS", "SMTPUTF8", "HELP"])
        let capabilities = SMTPCapabilities(ehlo: reply)
        #expect(capabilities.maximumSize == 35_882_577)
        #expect(capabilities.eightBitMIME && capabilities.pipelining && capabilities.startTLS && capabilities.smtpUTF8)
        #expect(capabilities.authMechanisms == ["PLAIN", "LOGIN"])
        let bare = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["hi", "SIZE 0"]))
        #expect(bare.maximumSize == nil && !bare.pipelining && bare.authMechanisms.isEmpty)
    }

    @Test func urlsNameHostPortAndTLS() throws {
        #expect(try SMTPEndpoint(url: "smtp://relay.example:2525") == SMTPEndpoint(host: "relay.example", port: 2525, implicitTLS: false))
        #expect(try SMTPEndpoint(url: "smtps://relay.example") == SMTPEndpoint(host: "relay.example", port: 465, implicitTLS: true))
        #expect(try SMTPEndpoint(url: "smtp://relay.example/").port == 25)
        #expect(try SMTPEndpoint(url: "smtp://[::1]:25").host == "::1")
        #expect(try SMTPEndpoint(url: "smtp://[::1]:25").description == "smtp://[::1]:25")
        for bad in ["http://x", "smtp://", "smtp://x:0", "smtp://x:99999", "smtp://user:pw@x", "smtp://x:port"] {
            #expect(throws: MailError.self, "\(bad)") { try SMTPEndpoint(url: bad) }
        }
        #expect(try SMTPEndpoint(url: "smtp://127.0.0.1:25").serverNameIndication == nil)
        #expect(try SMTPEndpoint(url: "smtp://relay.example:25").serverNameIndication == "relay.example")
    }

    @Test func ratesAreMessagesPerUnit() throws {
        #expect(try SendRate(parsing: "10/s").interval == .milliseconds(100))
        #expect(try SendRate(parsing: "120/m").interval == .milliseconds(500))
        #expect(try SendRate(parsing: "0.5/s").interval == .seconds(2))
        for bad in ["10", "0/s", "-1/s", "10/d", "x/s", "nan/s"] {
            #expect(throws: MailError.self, "\(bad)") { try SendRate(parsing: bad) }
        }
    }

    @Test func retriesWaitTwiceAsLongUpToALimit() {
        let policy = RetryPolicy(attempts: 6, firstDelay: .milliseconds(250), longestDelay: .seconds(1))
        #expect((1...5).map { policy.delay(after: $0) } == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(1), .seconds(1)])
    }

    @Test func credentialsComeInPairs() throws {
        #expect(try SMTPCredentials.fromEnvironment([:]) == nil)
        let both = try SMTPCredentials.fromEnvironment(["FLOWC_SMTP_USER": "u", "FLOWC_SMTP_PASSWORD": "p"])
        #expect(both?.user == "u" && both?.password == "p")
        #expect(throws: MailError.self) { try SMTPCredentials.fromEnvironment(["FLOWC_SMTP_USER": "u"]) }
        #expect(throws: MailError.self) { try SMTPCredentials.fromEnvironment(["FLOWC_SMTP_PASSWORD": "p"]) }
    }
}
