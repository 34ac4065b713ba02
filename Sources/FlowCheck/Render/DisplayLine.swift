import FlowSyntax

/// A source line as a terminal shows it, so that carets line up under the right characters.
///
/// Columns of `SourceLocation` count Unicode scalars; a terminal cell count differs:
/// tabs expand to four spaces, wide (East Asian, emoji) characters take two cells, combining
/// marks none. Control characters are shown as U+FFFD so source text cannot drive the terminal.
struct DisplayLine {
    static let tabWidth = 4

    /// The line ready to print.
    let text: String
    /// `cellOffsets[i]` is the terminal cell where scalar `i` (0-based) starts; one extra entry for the end.
    private let cellOffsets: [Int]

    init(_ line: Substring) {
        var text = ""
        var offsets = [0]
        var cell = 0
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                text += String(repeating: " ", count: Self.tabWidth)
                cell += Self.tabWidth
            } else if Self.isControl(scalar) {
                text += "\u{FFFD}"
                cell += 1
            } else {
                text.unicodeScalars.append(scalar)
                cell += Self.cellWidth(of: scalar)
            }
            offsets.append(cell)
        }
        self.text = text
        cellOffsets = offsets
    }

    /// The cells to skip and the cells to underline for 1-based scalar columns `start..<end`.
    ///
    /// Columns are clamped to the line (one past its end is allowed, for a position at the end);
    /// the underline is at least one cell wide.
    func underline(fromColumn start: Int, toColumn end: Int) -> (indent: Int, width: Int) {
        let last = cellOffsets.count - 1
        let startIndex = min(max(start - 1, 0), last)
        let endIndex = min(max(end - 1, startIndex), last)
        let indent = cellOffsets[startIndex]
        return (indent, max(cellOffsets[endIndex] - indent, 1))
    }

    /// The number of scalars in the line, i.e. the column one past its end minus one.
    var scalarCount: Int { cellOffsets.count - 1 }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func cellWidth(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, Hangul syllables, fullwidth forms, ...).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
