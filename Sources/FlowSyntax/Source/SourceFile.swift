/// A source file's text with its path as the user named it and fast access to its lines.
public struct SourceFile: Sendable {
    /// The path as given on the command line joined with the path inside it.
    public let path: String
    public let text: String
    /// The lines without their breaks. Breaks are those libyaml counts, so that its positions
    /// name these lines: LF, CRLF, a lone CR, NEL, LS and PS.
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        lines = Self.split(text)
    }

    /// The text of 1-based line `number`, or nil when there is no such line.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// Whether libyaml counts `scalar` as a line break (alone, or CR as the start of CRLF).
    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// Splits at line breaks. Every break ends a grapheme cluster (CRLF is one), so the
    /// scalar indices used here are valid `Character` boundaries of `text`.
    private static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            var next = scalars.index(after: index)
            switch scalar {
            case "\r":
                if next < scalars.endIndex && scalars[next] == "\n" { next = scalars.index(after: next) }
                fallthrough
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(text[lineStart..<index])
                lineStart = next
            default:
                break
            }
            index = next
        }
        lines.append(text[lineStart..<scalars.endIndex])
        return lines
    }
}
