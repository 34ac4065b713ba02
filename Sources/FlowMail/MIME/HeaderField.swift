import FlowSyntax
/// Header fields of RFC 5322, with RFC 2047 encoded-words for text that is not plain ASCII.
///
/// A field is built from tokens, each starting with the whitespace before it; the field folds
/// before a token when the line would pass 78 characters. Text that cannot be folded within 78
/// characters, or is not printable ASCII, becomes a run of encoded-words (`=?UTF-8?Q?…?=`, at
/// most 60 characters each), which always fold.
struct HeaderField {
    static let softLimit = 78
    static let hardLimit = 998

    var name: String
    /// Tokens after `name:`, each starting with its whitespace.
    var tokens: [String]

    /// The field's lines (without line breaks).
    var lines: [String] {
        var lines: [String] = []
        var line = name + ":"
        for (index, token) in tokens.enumerated() {
            if index > 0, line.utf8.count + token.utf8.count > Self.softLimit {
                lines.append(line)
                line = token
            } else {
                line += token
            }
        }
        lines.append(line)
        return lines
    }

    /// An unstructured field such as `Subject` (RFC 5322 3.2.5, RFC 2047 5(1)).
    static func unstructured(_ name: String, _ value: String) -> HeaderField {
        if isPlainASCII(value) {
            let field = HeaderField(name: name, tokens: words(" " + value))
            if field.lines.allSatisfy({ $0.utf8.count <= softLimit }) { return field }
        }
        return HeaderField(name: name, tokens: encodedWords(value))
    }

    /// A mailbox field such as `From`: `phrase <address>` or the bare address.
    static func mailbox(_ name: String, _ mailbox: EmailAddress) -> HeaderField {
        let address = " <" + mailbox.address + ">"
        guard let displayName = mailbox.displayName else { return HeaderField(name: name, tokens: [" " + mailbox.address]) }
        let plain = HeaderField(name: name, tokens: phrase(displayName) + [address])
        if plain.lines.allSatisfy({ $0.utf8.count <= softLimit }) { return plain }
        return HeaderField(name: name, tokens: encodedWords(displayName) + [address])
    }

    /// A display name as atoms, a quoted string, or encoded-words (RFC 5322 3.2.5, RFC 2047 5(3)).
    private static func phrase(_ text: String) -> [String] {
        let atoms = text.split(separator: " ", omittingEmptySubsequences: false)
        if atoms.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(EmailAddress.isAtext) }) {
            return atoms.map { " " + $0 }
        }
        guard isPlainASCII(text) else { return encodedWords(text) }
        var quoted = " \""
        for character in text {
            if character == "\"" || character == "\\" { quoted += "\\" }
            quoted.append(character)
        }
        return [quoted + "\""]
    }

    /// Splits `text` (which starts with whitespace) before each whitespace run that follows a word.
    private static func words(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inWord = false
        for character in text {
            let isSpace = character == " " || character == "\t"
            if isSpace, inWord {
                tokens.append(current)
                current = ""
            }
            inWord = !isSpace
            current.append(character)
        }
        tokens.append(current)
        return tokens
    }

    /// Printable ASCII without `=?`, which a reader could take for an encoded-word.
    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
    }

    /// `text` as Q-encoded UTF-8 encoded-words of at most 60 characters, split between Unicode scalars.
    static func encodedWords(_ text: String) -> [String] {
        let prefix = "=?UTF-8?Q?", suffix = "?="
        let capacity = 60 - prefix.utf8.count - suffix.utf8.count
        var words: [String] = []
        var payload = ""
        for scalar in text.unicodeScalars {
            let encoded = String(scalar).utf8.map(qEncoded).joined()
            if payload.utf8.count + encoded.utf8.count > capacity {
                words.append(" " + prefix + payload + suffix)
                payload = ""
            }
            payload += encoded
        }
        words.append(" " + prefix + payload + suffix)
        return words
    }

    /// RFC 2047 "Q" for one byte, using only characters allowed in every context (5(3)).
    private static func qEncoded(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: " ") { return "_" }
        if EmailAddress.isAlphanumeric(byte) || "!*+-/".utf8.contains(byte) { return String(Unicode.Scalar(byte)) }
        return "=" + Hex.byte(byte)
    }
}
