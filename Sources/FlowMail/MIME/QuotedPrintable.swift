/// Quoted-printable transfer encoding (RFC 2045 6.7) of UTF-8 text with CRLF line breaks.
enum QuotedPrintable {
    /// The longest encoded line, soft-break `=` included.
    static let lineLimit = 76

    /// Encodes `text`; any of CRLF, CR or LF in it is a line break. The result ends with CRLF.
    static func encode(_ text: String) -> String {
        var lines = text.replacingLineBreaks().split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { encodeLine(Array($0.utf8)) + "\r\n" }.joined()
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var out = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 0x20 || byte == 0x09) && !isLast)
            let encoded = literal ? String(Unicode.Scalar(byte)) : "=" + Hex.byte(byte)
            if lineLength + encoded.utf8.count > lineLimit - 1 {
                out += "=\r\n"
                lineLength = 0
            }
            out += encoded
            lineLength += encoded.utf8.count
        }
        return out
    }
}

extension String {
    /// The text with every CRLF and lone CR turned into LF.
    func replacingLineBreaks() -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in unicodeScalars {
            if scalar == "\n", afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            out.append(afterCR ? "\n" : scalar)
        }
        return String(out)
    }
}
