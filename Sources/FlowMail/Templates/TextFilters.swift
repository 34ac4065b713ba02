import Foundation

/// Rewrites applied to text that comes from data when it lands somewhere special.
enum TextFilters {
    /// Every run of CR/LF becomes one space (header values, spec section 5).
    static func collapsingLineBreaks(_ text: String) -> String {
        var text = text
        guard text.withUTF8(containsLineBreak) else { return text }
        var out = String.UnicodeScalarView()
        var inBreak = false
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                if !inBreak { out.append(" ") }
                inBreak = true
            } else {
                out.append(scalar)
                inBreak = false
            }
        }
        return String(out)
    }

    /// One header line: line breaks at either end are dropped (such as a block scalar's final
    /// newline), every other run of CR/LF becomes one space. Spaces stay as rendered, so data keeps
    /// its own spaces and `Hi {{contact.first_name}}` without the trait is `Hi ` (spec section 5
    /// changes nothing else in a header value).
    static func headerLine(_ text: String) -> String {
        // Searched in the string's own storage (every subject comes through here).
        var text = text
        guard text.withUTF8(containsLineBreak) else { return text }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isLineBreak($0) }),
              let last = scalars.lastIndex(where: { !isLineBreak($0) })
        else { return "" }
        return collapsingLineBreaks(String(scalars[first...last]))
    }

    /// Whether `bytes` hold a CR or LF (by `memchr`, which reads many bytes at a time).
    private static func containsLineBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(UInt8(ascii: "\n")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil
    }

    /// RFC 3986 percent-encoding of everything but unreserved characters (data in the unsubscribe URL).
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + Hex.byte(byte)
            }
        }
        return out
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\r" || scalar == "\n" }
}

/// Uppercase hexadecimal digits for encodings (`%XX`, `=XX`).
enum Hex {
    private static let digits = Array("0123456789ABCDEF".utf8)

    static func byte(_ byte: UInt8) -> String {
        String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
