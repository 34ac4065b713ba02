import FlowMail
import Foundation
import NIOSSL

/// `--smtp URL`: delivers over SMTP (see `SMTPClient`). Each message's outcome is reported as
/// soon as the server answered, so after a crash only the messages in flight at that moment
/// can reach the server twice (with the same Message-ID).
public final class SMTPTransport: Transport, Sendable {
    public let options: SMTPOptions
    private let client: SMTPClient

    /// Prepares TLS (reading `options.trustedCertificatesFile`); connects only when delivering.
    public init(options: SMTPOptions) throws(MailError) {
        self.options = options
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = options.trustedCertificatesFile {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw MailError("cannot read the certificate file `\(file)` given with --smtp-ca; give a readable PEM file")
            }
            configuration.additionalTrustRoots = [.file(file)]
        }
        do {
            client = SMTPClient(options: options, tls: try NIOSSLContext(configuration: configuration))
        } catch {
            throw MailError("cannot set up TLS for \(options.endpoint): \(error); check the file given with --smtp-ca")
        }
    }

    public var recordsDeliveries: Bool { true }
    /// Messages rendered and queued at once; outcomes are recorded one by one regardless.
    public var batchSize: Int { 256 }

    public func deliver(_ batch: [OutgoingMessage], journal: any DeliveryJournal) throws(MailError) {
        let client = self.client
        try blocking { try await client.deliver(batch, journal: journal) }
    }

    /// Says QUIT on the open connections.
    public func close() {
        let client = self.client
        try? blocking { await client.close() }
    }

    /// Runs `body` on the concurrency pool and waits for it (the commands are synchronous).
    private func blocking(_ body: @escaping @Sendable () async throws -> Void) throws(MailError) {
        let waiter = Waiter()
        Task {
            do { try await body() } catch { waiter.error = error }
            waiter.done.signal()
        }
        waiter.done.wait()
        guard let error = waiter.error else { return }
        if let error = error as? MailError { throw error }
        throw describe(error)
    }

    /// A fatal delivery error, worded for the person running `flowc`.
    private func describe(_ error: any Error) -> MailError {
        let server = "the SMTP server at \(options.endpoint)"
        guard let error = error as? SMTPError else { return MailError("delivery to \(server) failed: \(error)") }
        let help: String
        switch error {
        case .startTLSUnavailable:
            return MailError("\(server) does not offer STARTTLS, so mail would travel unencrypted; use smtps:// if it speaks TLS from the start, or pass --smtp-insecure to allow plain text")
        case .tls:
            help = "if the server uses a private or self-signed certificate, pass it with --smtp-ca FILE"
        case .loginWithoutTLS:
            help = "use a server that offers STARTTLS, or smtps://, or unset FLOWC_SMTP_USER and FLOWC_SMTP_PASSWORD if it needs no login"
        case .authenticationUnavailable:
            help = "unset FLOWC_SMTP_USER and FLOWC_SMTP_PASSWORD if the server needs no login"
        case .refused(let reply, _) where reply.code == 530:
            help = "set FLOWC_SMTP_USER and FLOWC_SMTP_PASSWORD to log in"
        case .refused(let reply, let during) where during.hasPrefix("AUTH"):
            help = reply.isTemporary ? "try again later" : "check FLOWC_SMTP_USER and FLOWC_SMTP_PASSWORD"
        case .connectionLost, .protocolViolation, .refused:
            help = "messages not yet sent stay in the ledger; run again once the server is reachable"
        }
        return MailError("\(server): \(error.description); \(help)")
    }
}

/// The waiting side of `SMTPTransport.blocking`.
private final class Waiter: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    /// Written once by the task before `done` is signalled, read after.
    var error: (any Error)?
}
