/// Why an SMTP session could not go on.
enum SMTPError: Error, Sendable, CustomStringConvertible {
    /// Connecting failed, the connection dropped, or a reply did not come in time: try again.
    case connectionLost(String)
    /// The server answered the session setup (greeting, EHLO, STARTTLS, AUTH) with `reply`.
    case refused(SMTPReply, during: String)
    /// The server broke the protocol (a malformed reply): try again on a new connection.
    case protocolViolation(String)
    /// TLS could not be set up (handshake, certificate): a configuration problem.
    case tls(String)
    /// The server offers no STARTTLS and plain text was not allowed.
    case startTLSUnavailable
    /// Credentials were given but the connection is not encrypted (`--smtp-insecure` against a
    /// server without STARTTLS): the password is never sent in plain text.
    case loginWithoutTLS
    /// Credentials were given but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationUnavailable(offered: [String])

    /// Whether trying again later may help (a lost connection, a 4xx reply).
    var isTemporary: Bool {
        switch self {
        case .connectionLost, .protocolViolation: true
        case .refused(let reply, _): reply.isTemporary
        case .tls, .startTLSUnavailable, .loginWithoutTLS, .authenticationUnavailable: false
        }
    }

    /// The SMTP code, when the server gave one.
    var code: Int? {
        if case .refused(let reply, _) = self { reply.code } else { nil }
    }

    var description: String {
        switch self {
        case .connectionLost(let what): what
        case .refused(let reply, let during): "the server answered \(during) with \(reply)"
        case .protocolViolation(let what): "the server broke the SMTP protocol: \(what)"
        case .tls(let what): "TLS failed: \(what)"
        case .startTLSUnavailable: "the server does not offer STARTTLS"
        case .loginWithoutTLS: "the server does not offer STARTTLS, so the login (FLOWC_SMTP_USER, FLOWC_SMTP_PASSWORD) would travel in plain text; it is not sent"
        case .authenticationUnavailable(let offered):
            "the server offers neither AUTH PLAIN nor AUTH LOGIN (it offers \(offered.isEmpty ? "no AUTH at all" : offered.joined(separator: ", ")))"
        }
    }
}
