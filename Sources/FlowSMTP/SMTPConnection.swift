import NIOCore
import NIOPosix
import NIOSSL

/// One SMTP connection: sends command lines and waits for their replies, each within the
/// reply timeout. Set up by `open` (greeting, EHLO, STARTTLS, AUTH); then carries messages
/// (see `send(_:)`).
struct SMTPConnection: Sendable {
    let channel: any Channel
    private let replies: NIOLoopBound<SMTPReplyHandler>
    let replyTimeout: TimeAmount
    /// What the server offered in its last `EHLO` reply.
    var capabilities = SMTPCapabilities()
    /// Whether a message transaction was started, so the next one begins with `RSET`.
    var hasTransaction = false

    /// Whether the connection can still carry commands.
    var isActive: Bool { channel.isActive }

    /// Connects to `options.endpoint` (TLS first for `smtps://`) without reading anything yet.
    static func connect(_ options: SMTPOptions, tls: NIOSSLContext?, group: any EventLoopGroup) async throws -> SMTPConnection {
        let endpoint = options.endpoint
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(options.connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if endpoint.implicitTLS, let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: endpoint.serverNameIndication))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: endpoint.host, port: endpoint.port).get()
        } catch {
            throw SMTPError.connectionLost("cannot connect: \(error)")
        }
        let replies: NIOLoopBound<SMTPReplyHandler>
        do {
            replies = try await channel.eventLoop.submit {
                NIOLoopBound(try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self), eventLoop: channel.eventLoop)
            }.get()
        } catch {
            // The server closed the connection at once (e.g. a 421 greeting): the pipeline is gone.
            channel.close(promise: nil)
            throw SMTPError.connectionLost("the server closed the connection right after it opened")
        }
        return SMTPConnection(channel: channel, replies: replies, replyTimeout: options.replyTimeout)
    }

    /// Writes `lines` (each followed by CRLF) and waits for `count` replies, in order, each
    /// within `timeout` (default: the reply timeout).
    func exchange(_ lines: [String], replies count: Int, within timeout: TimeAmount? = nil) async throws -> [SMTPReply] {
        var buffer = channel.allocator.buffer(capacity: lines.reduce(0) { $0 + $1.utf8.count + 2 })
        for line in lines { buffer.writeString(line + "\r\n") }
        return try await exchange(buffer, replies: count, within: timeout)
    }

    /// Writes `command` and waits for its reply.
    func command(_ command: String) async throws -> SMTPReply {
        let replies = try await exchange([command], replies: 1)
        return replies[0]
    }

    /// Writes `bytes` and waits for `count` replies, in order (none: just reads a reply that
    /// may already have arrived, such as the greeting, when `bytes` is empty and count is 1).
    func exchange(_ bytes: ByteBuffer, replies count: Int, within timeout: TimeAmount? = nil) async throws -> [SMTPReply] {
        let channel = self.channel, handler = self.replies, timeout = timeout ?? replyTimeout
        let future = channel.eventLoop.flatSubmit { () -> EventLoopFuture<[SMTPReply]> in
            let waiting = (0..<count).map { _ in handler.value.nextReply(within: timeout, on: channel.eventLoop) }
            if bytes.readableBytes > 0 {
                channel.writeAndFlush(bytes).whenFailure { _ in channel.close(promise: nil) }
            }
            return EventLoopFuture.whenAllSucceed(waiting, on: channel.eventLoop)
        }
        return try await future.get()
    }

    /// Adds TLS in front of the connection (after the server's `220` to `STARTTLS`). Anything the
    /// server sent after that `220` in plain text is refused: it would otherwise be read as a
    /// reply to the first command over TLS (STARTTLS response injection).
    func startTLS(_ tls: NIOSSLContext, serverName: String?) async throws {
        let channel = self.channel, handler = self.replies
        try await channel.eventLoop.submit {
            guard !handler.value.hasBufferedInput else {
                throw SMTPError.tls("the server sent more text after its 220 to STARTTLS, before TLS began (possible injection); connection refused")
            }
            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
        }.get()
    }

    /// How long `quit` waits for the server's goodbye.
    static let quitTimeout = TimeAmount.seconds(5)

    /// Says `QUIT` (waiting at most `quitTimeout` for the answer) and closes the connection.
    func quit() async {
        if isActive { _ = try? await exchange(["QUIT"], replies: 1, within: Self.quitTimeout) }
        close()
    }

    func close() {
        channel.close(promise: nil)
    }
}

extension SMTPEndpoint {
    /// The name sent in TLS SNI and checked against the certificate: nil for an IP address
    /// (which the certificate's IP entries are checked against instead).
    var serverNameIndication: String? {
        let isAddress = host.contains(":") || host.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber }
        return isAddress ? nil : host
    }
}
