#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FlowMail
import NIOCore

/// The login for `AUTH`, read from the environment only (never from flow files, never printed).
public struct SMTPCredentials: Sendable {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// `FLOWC_SMTP_USER` and `FLOWC_SMTP_PASSWORD`: nil when the user is unset; an error when
    /// only one of the two is set.
    public static func fromEnvironment(_ environment: [String: String]) throws(MailError) -> SMTPCredentials? {
        switch (environment["FLOWC_SMTP_USER"], environment["FLOWC_SMTP_PASSWORD"]) {
        case (nil, nil): return nil
        case (let user?, let password?): return SMTPCredentials(user: user, password: password)
        case (nil, _): throw MailError("FLOWC_SMTP_PASSWORD is set but FLOWC_SMTP_USER is not; set both to log in, or neither")
        case (_, nil): throw MailError("FLOWC_SMTP_USER is set but FLOWC_SMTP_PASSWORD is not; set both to log in, or neither")
        }
    }
}

/// How often to try a message that gets a 4xx reply or loses its connection, within one run:
/// waits `firstDelay`, then twice as long each time, never more than `longestDelay`.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var firstDelay: TimeAmount
    public var longestDelay: TimeAmount

    public init(attempts: Int = 5, firstDelay: TimeAmount = .milliseconds(250), longestDelay: TimeAmount = .seconds(8)) {
        self.attempts = max(1, attempts)
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
    }

    /// The wait before attempt `attempt + 1` (attempts count from 1).
    public func delay(after attempt: Int) -> TimeAmount {
        var delay = firstDelay
        for _ in 1..<max(1, attempt) where delay < longestDelay { delay = delay * 2 }
        return min(delay, longestDelay)
    }

    /// Waits `delay(after: attempt)`.
    func sleep(after attempt: Int) async throws {
        try await Task.sleep(nanoseconds: UInt64(delay(after: attempt).nanoseconds))
    }
}

/// Everything `--smtp` needs besides the URL.
public struct SMTPOptions: Sendable {
    public var endpoint: SMTPEndpoint
    public var credentials: SMTPCredentials?
    /// `--smtp-connections N`: connections open at once.
    public var connections: Int
    /// `--rate N/s`: the most messages handed to the server per second, if limited.
    public var rate: SendRate?
    /// `--smtp-insecure`: send in plain text when the server does not offer STARTTLS.
    public var allowPlaintext: Bool
    /// `--smtp-ca FILE`: PEM certificates to trust besides the system's (a private relay).
    public var trustedCertificatesFile: String?
    public var connectTimeout: TimeAmount
    /// The longest wait for any one reply.
    public var replyTimeout: TimeAmount
    public var retry: RetryPolicy
    /// The name given in `EHLO`.
    public var clientName: String

    public init(
        endpoint: SMTPEndpoint, credentials: SMTPCredentials? = nil, connections: Int = 4, rate: SendRate? = nil,
        allowPlaintext: Bool = false, trustedCertificatesFile: String? = nil,
        connectTimeout: TimeAmount = .seconds(10), replyTimeout: TimeAmount = .seconds(120),
        retry: RetryPolicy = RetryPolicy(), clientName: String = SMTPOptions.localHostName()
    ) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.connections = max(1, connections)
        self.rate = rate
        self.allowPlaintext = allowPlaintext
        self.trustedCertificatesFile = trustedCertificatesFile
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
        self.retry = retry
        self.clientName = clientName
    }

    /// This machine's host name for `EHLO`, or `localhost` when it has none.
    public static func localHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty || name.contains(" ") ? "localhost" : name
    }
}

/// `--rate N/s` (also `N/m`, `N/h`): a limit on messages per unit of time.
public struct SendRate: Hashable, Sendable {
    /// The time between two messages.
    public var interval: TimeAmount

    /// Parses `N/s`, `N/m` or `N/h` with N a positive number (decimals allowed).
    public init(parsing text: String) throws(MailError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let units: [Substring: Double] = ["s": 1, "m": 60, "h": 3600]
        guard parts.count == 2, let count = Double(parts[0]), count.isFinite, count > 0, let unit = units[parts[1]] else {
            throw MailError("`--rate \(text)` is not a rate; write messages per time unit such as 10/s, 300/m or 5000/h")
        }
        let nanoseconds = unit * 1e9 / count
        interval = .nanoseconds(Int64(min(nanoseconds, 3600e9)))
    }
}
