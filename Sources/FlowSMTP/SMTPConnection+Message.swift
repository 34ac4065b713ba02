import FlowMail
import NIOCore

extension SMTPConnection {
    /// Carries one message: `RSET` (after an earlier transaction), `MAIL FROM`, `RCPT TO`,
    /// `DATA` (sent together when the server offers PIPELINING), then the dot-stuffed content.
    /// Replies become outcomes: 4xx deferred, 5xx to `RCPT TO` bounced (552 deferred), other
    /// 5xx failed.
    /// Throws when the connection is lost (the message may then be tried on a new one).
    mutating func send(_ message: OutgoingMessage) async throws -> TransportOutcome {
        if let limit = capabilities.maximumSize, message.bytes.count > limit {
            return .failed(code: 552, reason: "the message is \(message.bytes.count) bytes; the server accepts at most \(limit) (SIZE)")
        }
        let needsUTF8 = !(message.sender + message.recipient).utf8.allSatisfy { $0 < 0x80 }
        if needsUTF8, !capabilities.smtpUTF8 {
            return .failed(code: nil, reason: "the envelope address is not ASCII and the server does not offer SMTPUTF8")
        }
        var mail = "MAIL FROM:<\(message.sender)>"
        if capabilities.maximumSize != nil { mail += " SIZE=\(message.bytes.count)" }
        if capabilities.eightBitMIME, message.bytes.contains(where: { $0 >= 0x80 }) { mail += " BODY=8BITMIME" }
        if needsUTF8 { mail += " SMTPUTF8" }
        let reset = hasTransaction
        hasTransaction = true
        let commands = (reset ? ["RSET"] : []) + [mail, "RCPT TO:<\(message.recipient)>", "DATA"]
        var replies: [SMTPReply] = []
        if capabilities.pipelining {
            replies = try await exchange(commands, replies: commands.count)
        } else {
            for command in commands {
                let reply = try await self.command(command)
                replies.append(reply)
                if !reply.isPositive { break }
            }
        }
        if replies.contains(where: { $0.code == 421 }) { close() }
        if let required = replies.first(where: { $0.code == 530 }) {
            // Authentication required: no message can go through this session.
            throw SMTPError.refused(required, during: "MAIL FROM")
        }
        if reset {
            let reply = replies.removeFirst()
            guard reply.code == 250 else { throw SMTPError.refused(reply, during: "RSET") }
        }
        var refusal: TransportOutcome?
        if replies[0].code != 250 {
            refusal = Self.outcome(of: replies[0], to: "MAIL FROM", recipientRefused: false)
        } else if replies.count > 1, !replies[1].isPositive {
            refusal = Self.outcome(of: replies[1], to: "RCPT TO", recipientRefused: true)
        }
        guard replies.count > 2, replies[2].code == 354 else {
            return refusal ?? replies.last.map { Self.outcome(of: $0, to: "DATA", recipientRefused: false) } ?? .deferred(code: nil, reason: "no reply to DATA")
        }
        if let refusal {
            // The server took DATA though the recipient was refused: end the empty message.
            _ = try await exchange(["."], replies: 1)
            return refusal
        }
        let content = ByteBuffer(bytes: MessageData.encode(message.bytes))
        let reply = try await exchange(content, replies: 1)[0]
        if reply.code == 421 { close() }
        return reply.code == 250 ? .sent : Self.outcome(of: reply, to: "the message content", recipientRefused: false)
    }

    /// A refusal as an outcome: 4xx (or anything unexpected) is deferred, 5xx final, except a
    /// 552 to `RCPT TO` (a full mailbox), which RFC 5321 4.5.3.1.10 says to treat as temporary.
    private static func outcome(of reply: SMTPReply, to command: String, recipientRefused: Bool) -> TransportOutcome {
        let reason = "\(command): \(reply)"
        let isTemporary = !(500..<600).contains(reply.code) || recipientRefused && reply.code == 552
        guard !isTemporary else { return .deferred(code: reply.code, reason: reason) }
        return recipientRefused ? .bounced(code: reply.code, reason: reason) : .failed(code: reply.code, reason: reason)
    }
}
