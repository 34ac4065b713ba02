import FlowMail
import Foundation
import NIOCore
import NIOSSL

extension SMTPConnection {
    /// Opens a ready session: connects, reads the greeting, says EHLO, upgrades with STARTTLS
    /// when offered (required unless `allowPlaintext`), and logs in when credentials are given.
    static func open(_ options: SMTPOptions, tls: NIOSSLContext?, group: any EventLoopGroup) async throws -> SMTPConnection {
        var connection = try await connect(options, tls: tls, group: group)
        do {
            try await connection.setUp(options, tls: tls)
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    private mutating func setUp(_ options: SMTPOptions, tls: NIOSSLContext?) async throws {
        let greeting = try await exchange(ByteBuffer(), replies: 1)[0]
        guard greeting.code == 220 else { throw SMTPError.refused(greeting, during: "the connection (its greeting)") }
        try await hello(options.clientName)
        var encrypted = options.endpoint.implicitTLS
        if !encrypted {
            if capabilities.startTLS, let tls {
                let reply = try await command("STARTTLS")
                guard reply.code == 220 else { throw SMTPError.refused(reply, during: "STARTTLS") }
                try await startTLS(tls, serverName: options.endpoint.serverNameIndication)
                try await hello(options.clientName)
                encrypted = true
            } else if !options.allowPlaintext {
                throw SMTPError.startTLSUnavailable
            }
        }
        if let credentials = options.credentials {
            // `--smtp-insecure` allows plain-text mail, never a plain-text password.
            guard encrypted else { throw SMTPError.loginWithoutTLS }
            try await authenticate(credentials)
        }
    }

    /// `EHLO`, falling back to `HELO` (no extensions) when the server refuses it.
    private mutating func hello(_ name: String) async throws {
        let reply = try await command("EHLO \(name)")
        if reply.code == 250 {
            capabilities = SMTPCapabilities(ehlo: reply)
            return
        }
        let fallback = try await command("HELO \(name)")
        guard fallback.code == 250 else { throw SMTPError.refused(fallback, during: "HELO") }
        capabilities = SMTPCapabilities()
    }

    /// `AUTH PLAIN` when offered, else `AUTH LOGIN` (RFC 4616, draft-murchison-sasl-login).
    private func authenticate(_ credentials: SMTPCredentials) async throws {
        let mechanisms = capabilities.authMechanisms
        if mechanisms.contains("PLAIN") {
            let token = Self.base64([0] + Array(credentials.user.utf8) + [0] + Array(credentials.password.utf8))
            let reply = try await command("AUTH PLAIN \(token)")
            guard reply.code == 235 else { throw SMTPError.refused(reply, during: "AUTH PLAIN") }
        } else if mechanisms.contains("LOGIN") {
            let start = try await command("AUTH LOGIN")
            guard start.code == 334 else { throw SMTPError.refused(start, during: "AUTH LOGIN") }
            let user = try await command(Self.base64(Array(credentials.user.utf8)))
            guard user.code == 334 else { throw SMTPError.refused(user, during: "AUTH LOGIN (the user name)") }
            let password = try await command(Self.base64(Array(credentials.password.utf8)))
            guard password.code == 235 else { throw SMTPError.refused(password, during: "AUTH LOGIN (the password)") }
        } else {
            throw SMTPError.authenticationUnavailable(offered: mechanisms.sorted())
        }
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}
