@testable import FlowSMTP
import NIOCore
import NIOEmbedded
import Testing

/// The reply handler on an in-memory channel: line splitting across reads, multi-line replies,
/// over-long lines, and the input that must not be left over when STARTTLS begins.
@Suite struct SMTPReplyHandlerTests {
    private func channel() throws -> (EmbeddedChannel, SMTPReplyHandler) {
        let handler = SMTPReplyHandler()
        let channel = EmbeddedChannel(handler: handler)
        return (channel, handler)
    }

    private func receive(_ text: String, on channel: EmbeddedChannel) throws {
        try channel.writeInbound(channel.allocator.buffer(string: text))
    }

    private func nextReply(_ handler: SMTPReplyHandler, _ channel: EmbeddedChannel) throws -> SMTPReply {
        let future = handler.nextReply(within: .seconds(5), on: channel.eventLoop)
        channel.embeddedEventLoop.run()
        return try future.wait()
    }

    @Test func repliesAreAssembledFromLinesSplitAcrossReads() throws {
        let (channel, handler) = try channel()
        try receive("250-mail.example hello\r\n250-PIPE", on: channel)
        #expect(handler.hasBufferedInput)
        try receive("LINING\r\n250 SIZE 1000\n", on: channel)
        let reply = try nextReply(handler, channel)
        #expect(reply.code == 250)
        #expect(reply.lines == ["mail.example hello", "PIPELINING", "SIZE 1000"])
        #expect(!handler.hasBufferedInput)
    }

    @Test func aReplyInjectedAfterTheSTARTTLSGoAheadIsNoticed() throws {
        let (channel, handler) = try channel()
        try receive("220 go ahead\r\n250 injected\r\n", on: channel)
        #expect(try nextReply(handler, channel).code == 220)
        #expect(handler.hasBufferedInput, "an unclaimed reply must block the TLS upgrade")
    }

    @Test func anOverlongLineFailsTheConnection() throws {
        let (channel, handler) = try channel()
        try receive(String(repeating: "x", count: SMTPReplyHandler.maximumLineLength + 1), on: channel)
        #expect(throws: SMTPError.self) { try nextReply(handler, channel) }
    }
}
