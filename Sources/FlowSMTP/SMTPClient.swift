import FlowMail
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers batches over a small pool of connections: each connection takes the next message,
/// retries it on a 4xx reply or a lost connection with growing waits, and reports it to the
/// journal (`sending` before each attempt, the outcome at the end). Connections stay open
/// between batches until `close`.
final class SMTPClient: Sendable {
    let options: SMTPOptions
    private let tls: NIOSSLContext?
    private let group: any EventLoopGroup
    private let limiter: RateLimiter?
    private let idle = ConnectionShelf()

    init(options: SMTPOptions, tls: NIOSSLContext?, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.options = options
        self.tls = tls
        self.group = group
        limiter = options.rate.map(RateLimiter.init)
    }

    /// Delivers `messages` on up to `options.connections` connections at once. Throws when the
    /// server cannot be used at all (unreachable, TLS or login refused); messages not yet
    /// reported then stay `planned` or `sending` for the next run.
    func deliver(_ messages: [OutgoingMessage], journal: any DeliveryJournal) async throws {
        let queue = MessageQueue(messages)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<min(options.connections, messages.count) {
                group.addTask { try await self.work(through: queue, journal: journal) }
            }
            do {
                try await group.waitForAll()
            } catch {
                group.cancelAll()
                await idle.closeAll()
                throw error
            }
        }
    }

    /// Says QUIT on every idle connection.
    func close() async {
        await idle.quitAll()
    }

    /// One connection's loop: opens its connection, then takes messages until the queue is
    /// empty. A connection that cannot be opened while others of the pool are up (a relay that
    /// allows fewer connections than `--smtp-connections`) leaves the work to them.
    private func work(through queue: MessageQueue, journal: any DeliveryJournal) async throws {
        var connection = await idle.take()
        if connection == nil {
            do {
                connection = try await openWithRetries()
            } catch let error as SMTPError where error.isTemporary {
                if await idle.hasLiveConnection { return }
                throw error
            }
        }
        await idle.track(connection)
        do {
            while let message = await queue.next() {
                let outcome = try await deliver(message, on: &connection, journal: journal)
                try journal.finished([(message.id, outcome)])
            }
        } catch {
            connection?.close()
            throw error
        }
        if let connection, connection.isActive { await idle.put(connection) }
    }

    /// Opens a connection, trying again on temporary failures with the retry schedule.
    private func openWithRetries() async throws -> SMTPConnection {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await SMTPConnection.open(options, tls: tls, group: group)
            } catch let error as SMTPError where error.isTemporary && attempt < options.retry.attempts {
                try await options.retry.sleep(after: attempt)
            }
        }
    }

    /// Delivers one message with retries; returns its outcome for this run.
    private func deliver(_ message: OutgoingMessage, on connection: inout SMTPConnection?, journal: any DeliveryJournal) async throws -> TransportOutcome {
        var attempt = 0
        while true {
            attempt += 1
            let isLast = attempt >= options.retry.attempts
            try await limiter?.waitForTurn()
            try journal.sending([message.id])
            var session: SMTPConnection
            if let open = connection, open.isActive {
                session = open
            } else {
                do {
                    session = try await SMTPConnection.open(options, tls: tls, group: group)
                } catch let error as SMTPError where error.isTemporary && !isLast {
                    try await options.retry.sleep(after: attempt)
                    continue
                }
                await idle.track(session)
            }
            do {
                let outcome = try await session.send(message)
                connection = session
                guard case .deferred = outcome, !isLast else { return outcome }
            } catch let error as SMTPError where error.isTemporary {
                session.close()
                connection = nil
                if isLast { return .deferred(code: error.code, reason: error.description) }
            }
            try await options.retry.sleep(after: attempt)
        }
    }
}

/// Connections kept open between batches, and every connection opened (so a fatal error can
/// close them all at once).
actor ConnectionShelf {
    private var idle: [SMTPConnection] = []
    private var opened: [any Channel] = []

    func take() -> SMTPConnection? {
        idle.popLast()
    }

    func put(_ connection: SMTPConnection) {
        idle.append(connection)
    }

    /// Whether any connection of the pool is open.
    var hasLiveConnection: Bool {
        opened.contains { $0.isActive }
    }

    func track(_ connection: SMTPConnection?) {
        opened.removeAll { !$0.isActive }
        if let connection { opened.append(connection.channel) }
    }

    func closeAll() {
        for channel in opened { channel.close(promise: nil) }
        opened = []
        idle = []
    }

    func quitAll() async {
        for connection in idle { await connection.quit() }
        idle = []
        opened = []
    }
}
