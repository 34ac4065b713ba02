/// A mailbox: `Name <local@domain.tld>` or a bare `local@domain.tld`.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name, unquoted and unescaped; nil when absent or empty.
    public var displayName: String?
    public var localPart: String
    public var domain: String

    /// `local@domain`.
    public var address: String { localPart + "@" + domain }

    /// `Name <local@domain>` (display name as is, not encoded), or the bare address.
    public var description: String {
        guard let displayName else { return address }
        return "\(displayName) <\(address)>"
    }

    /// Parses a from address (FC406). The address must be ASCII: a dot-atom local part (at most
    /// 64 characters) and a domain of at least two labels (letters, digits, inner hyphens). The
    /// display name may be a quoted string (`"Shop, Inc." <a@b.example>`, with `\"` escapes) or
    /// plain text without `<`, `>`, `"` or control characters; non-ASCII is fine (it is encoded
    /// in the header). Surrounding whitespace is ignored.
    public static func parse(_ text: String) -> EmailAddress? {
        let text = text.trimmingWhitespace()
        var name: String?
        var address = Substring(text)
        if text.hasSuffix(">") {
            guard let open = text.lastIndex(of: "<") else { return nil }
            address = text[text.index(after: open)..<text.index(before: text.endIndex)]
            guard let parsedName = displayName(String(text[..<open]).trimmingWhitespace()) else { return nil }
            name = parsedName.isEmpty ? nil : parsedName
        }
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = String(address[..<at])
        let domain = String(address[address.index(after: at)...])
        guard isDotAtom(local), local.utf8.count <= 64, isHostName(domain) else { return nil }
        return EmailAddress(displayName: name, localPart: local, domain: domain)
    }

    /// The spec's `no_email` rule (4.6) for a contact's address: `local@domain.tld` without
    /// spaces. Exactly one `@`; a non-empty local part; a domain with at least one dot and no
    /// empty label; no whitespace, control characters or the RFC 5322 specials `()<>[]:;,\"`
    /// (which would change the meaning of a `To:` header). Non-ASCII letters are allowed.
    public static func isDeliverable(_ address: String) -> Bool {
        var address = address
        switch address.withUTF8(shape) {
        case .invalid: return false
        case .ascii: return true
        case .nonASCII: return !address.unicodeScalars.contains { $0.properties.isWhitespace }
        }
    }

    /// What one pass over an address's bytes tells.
    private enum Shape {
        case invalid
        case ascii
        /// Valid as far as bytes tell; non-ASCII white space is still to be ruled out.
        case nonASCII
    }

    private static func shape(_ address: UnsafeBufferPointer<UInt8>) -> Shape {
        // One pass over the bytes (this runs before every send): exactly one `@` with a non-empty
        // local part before it, a domain of at least two non-empty labels, and no white space,
        // control characters or `()<>[]:;,\"`. Non-ASCII is checked for white space by scalar.
        var at: Int?
        var labels = 0
        var labelLength = 0
        var index = 0
        var isASCII = true
        for byte in address {
            switch byte {
            case UInt8(ascii: "@"):
                guard at == nil, index > 0 else { return .invalid }
                at = index
                labels = 0
                labelLength = 0
            case UInt8(ascii: "."):
                if at != nil {
                    guard labelLength > 0 else { return .invalid }
                    labels += 1
                    labelLength = 0
                }
            case 0..<0x21, 0x7F, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","),
                 UInt8(ascii: "\\"), UInt8(ascii: "\""):
                return .invalid
            default:
                if byte >= 0x80 { isASCII = false }
                labelLength += 1
            }
            index += 1
        }
        guard at != nil, labelLength > 0, labels >= 1 else { return .invalid }
        return isASCII ? .ascii : .nonASCII
    }

    public init(displayName: String? = nil, localPart: String, domain: String) {
        self.displayName = displayName
        self.localPart = localPart
        self.domain = domain
    }

    // MARK: Grammar

    /// RFC 5322 `atext`.
    public static func isAtext(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    public static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    private static func isDotAtom(_ text: String) -> Bool {
        let atoms = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(isAtext) }
    }

    private static func isHostName(_ text: String) -> Bool {
        let labels = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.count >= 2 && text.utf8.count <= 253 && labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, label.count <= 63,
                  first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
            return label.allSatisfy { byte in byte == UInt8(ascii: "-") || isAlphanumeric(byte) }
        }
    }

    /// A display name: a quoted string (unescaped here) or plain text; nil when malformed.
    private static func displayName(_ text: String) -> String? {
        if text.hasPrefix("\""), text.count >= 2, text.hasSuffix("\"") {
            var result = ""
            var escaped = false
            for character in text.dropFirst().dropLast() {
                if escaped {
                    result.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return nil
                } else {
                    result.append(character)
                }
            }
            return escaped || result.unicodeScalars.contains(where: isControl) ? nil : result
        }
        let forbidden = text.unicodeScalars.contains { isControl($0) || $0 == "<" || $0 == ">" || $0 == "\"" }
        return forbidden ? nil : text
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
