/// One SMTP reply: a three-digit code and its text lines (RFC 5321 section 4.2).
struct SMTPReply: Hashable, Sendable, CustomStringConvertible {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var isTemporary: Bool { (400..<500).contains(code) }

    /// `250 first line` (more lines joined with ` / `), as shown in errors and the ledger.
    var description: String { "\(code) " + lines.joined(separator: " / ") }

    /// One line of a reply: `250-text` (more follow) or `250 text` (the last).
    struct Line {
        var code: Int
        var isLast: Bool
        var text: String

        /// Parses a line without its CRLF, or nil when it is not `DDD`, `DDD text` or `DDD-text`.
        init?(_ line: String) {
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, bytes[0...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            code = bytes[0...2].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            if bytes.count == 3 {
                isLast = true
                text = ""
                return
            }
            switch bytes[3] {
            case UInt8(ascii: "-"): isLast = false
            case UInt8(ascii: " "): isLast = true
            default: return nil
            }
            text = String(decoding: bytes[4...], as: UTF8.self)
        }
    }
}
