import NIOCore
import NIOSSL

/// The inbound end of an SMTP connection: splits bytes into lines (CRLF or LF, at most
/// `maximumLineLength` bytes), turns lines into replies and hands each to the next
/// waiter in order (so pipelined commands get their replies in sequence). A reply that arrives
/// before anyone waits (the greeting) is kept. A waiter that gets no reply within its timeout,
/// a dropped connection, or a malformed line fails every waiter and closes the connection.
/// Lives on its channel's event loop.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private struct Waiter {
        var promise: EventLoopPromise<SMTPReply>
        var timeout: Scheduled<Void>
    }

    /// Longer reply lines are a protocol violation (RFC 5321 allows 512 bytes; servers send less).
    static let maximumLineLength = 4096

    private var context: ChannelHandlerContext?
    /// Bytes of a line whose end has not arrived yet.
    private var pendingBytes = ByteBuffer()
    private var partialLines: [String] = []
    private var unclaimed = CircularBuffer<SMTPReply>()
    private var waiters = CircularBuffer<Waiter>()
    /// Set once the connection is unusable; later waiters fail with it at once.
    private var failure: SMTPError?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// The next reply, or a failure when none comes within `timeout`.
    func nextReply(within timeout: TimeAmount, on eventLoop: EventLoop) -> EventLoopFuture<SMTPReply> {
        if let reply = unclaimed.popFirst() { return eventLoop.makeSucceededFuture(reply) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let handler = NIOLoopBound(self, eventLoop: eventLoop)
        let timer = eventLoop.scheduleTask(in: timeout) {
            handler.value.fail(.connectionLost("no reply within \(timeout.nanoseconds / 1_000_000_000) s"))
        }
        waiters.append(Waiter(promise: promise, timeout: timer))
        return promise.futureResult
    }

    /// Whether anything arrived that no one has taken yet: a reply, part of one, part of a line.
    /// Must be false when TLS starts, or a man in the middle could have injected replies.
    var hasBufferedInput: Bool {
        !unclaimed.isEmpty || !partialLines.isEmpty || pendingBytes.readableBytes > 0
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pendingBytes.writeBuffer(&buffer)
        while failure == nil, let newline = pendingBytes.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            var text = pendingBytes.readString(length: newline - pendingBytes.readerIndex) ?? ""
            pendingBytes.moveReaderIndex(forwardBy: 1)
            if text.hasSuffix("\r") { text.removeLast() }
            receive(line: text)
        }
        if pendingBytes.readableBytes > Self.maximumLineLength {
            fail(.protocolViolation("a reply line longer than \(Self.maximumLineLength) bytes"))
        }
        pendingBytes.discardReadBytes()
    }

    private func receive(line text: String) {
        guard let line = SMTPReply.Line(text) else {
            fail(.protocolViolation("the reply line `\(text.prefix(80))` does not start with a three-digit code"))
            return
        }
        partialLines.append(line.text)
        guard line.isLast else { return }
        let reply = SMTPReply(code: line.code, lines: partialLines)
        partialLines = []
        if let waiter = waiters.popFirst() {
            waiter.timeout.cancel()
            waiter.promise.succeed(reply)
        } else {
            unclaimed.append(reply)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connectionLost("the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is NIOSSLError || error is BoringSSLError {
            fail(.tls(String(describing: error)))
        } else {
            fail(.connectionLost("the connection failed: \(error)"))
        }
    }

    /// Fails every waiter with `error` (the first failure wins) and closes the connection.
    private func fail(_ error: SMTPError) {
        if failure == nil { failure = error }
        let reason = failure ?? error
        while let waiter = waiters.popFirst() {
            waiter.timeout.cancel()
            waiter.promise.fail(reason)
        }
        context?.close(promise: nil)
    }
}
