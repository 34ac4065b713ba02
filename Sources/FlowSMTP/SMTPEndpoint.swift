import FlowMail

/// Where `--smtp URL` points: `smtp://host[:port]` (STARTTLS, port 25 by default) or
/// `smtps://host[:port]` (TLS from the first byte, port 465 by default).
public struct SMTPEndpoint: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// `smtps://`: TLS from the first byte instead of STARTTLS.
    public var implicitTLS: Bool

    public init(host: String, port: Int, implicitTLS: Bool) {
        self.host = host
        self.port = port
        self.implicitTLS = implicitTLS
    }

    /// Parses `smtp://host[:port]` or `smtps://host[:port]` (an IPv6 host in brackets).
    public init(url: String) throws(MailError) {
        let problem = { (what: String) in
            MailError("`\(url)` is not an SMTP URL: \(what); write smtp://host:port (STARTTLS) or smtps://host:port (TLS)")
        }
        let rest: Substring
        if url.hasPrefix("smtp://") {
            implicitTLS = false
            rest = url.dropFirst("smtp://".count)
        } else if url.hasPrefix("smtps://") {
            implicitTLS = true
            rest = url.dropFirst("smtps://".count)
        } else {
            throw problem("it must start with smtp:// or smtps://")
        }
        let authority = rest.hasSuffix("/") ? rest.dropLast() : rest
        guard !authority.contains("@"), !authority.contains("/"), !authority.contains("?") else {
            throw problem("only a host and a port may follow the scheme (credentials come from FLOWC_SMTP_USER and FLOWC_SMTP_PASSWORD)")
        }
        var hostPart = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw problem("the IPv6 address has no closing `]`") }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw problem("unexpected `\(after)` after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw problem("the host is missing") }
        host = String(hostPart)
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else { throw problem("the port `\(portText)` is not a number from 1 to 65535") }
            port = number
        } else {
            port = implicitTLS ? 465 : 25
        }
    }

    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(implicitTLS ? "smtps" : "smtp")://\(shownHost):\(port)"
    }
}
