/// What a server offers in its `EHLO` reply (RFC 5321 4.1.1.1 and the extensions flowc uses).
struct SMTPCapabilities: Hashable, Sendable {
    var startTLS = false
    var pipelining = false
    var eightBitMIME = false
    var smtpUTF8 = false
    /// `SIZE n`: the largest message accepted, when the server names one (0 means no limit).
    var maximumSize: Int?
    /// `AUTH` mechanisms, upper case.
    var authMechanisms: Set<String> = []

    init() {}

    /// Reads the keyword lines of an `EHLO` reply (its first line is the greeting).
    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            switch keyword {
            case "STARTTLS": startTLS = true
            case "PIPELINING": pipelining = true
            case "8BITMIME": eightBitMIME = true
            case "SMTPUTF8": smtpUTF8 = true
            case "SIZE": maximumSize = words.count > 1 ? Int(words[1]).flatMap { $0 > 0 ? $0 : nil } : nil
            case "AUTH": authMechanisms.formUnion(words.dropFirst())
            default: break
            }
        }
    }
}
