/// Maps offsets (in Unicode scalars) of a scalar's value onto its source file.
///
/// Quoted and plain scalars on one line map column for column; literal blocks keep lines one
/// to one (folded blocks are approximated the same way). A multi-line flow scalar maps every
/// offset to its start. Built once per scalar, so a template with thousands of tags costs one
/// pass over its text rather than one per tag.
public struct YAMLScalarLocator: Sendable {
    private enum Layout: Sendable {
        case start(SourceLocation)
        case line(SourceLocation)
        /// The first content line, its indentation, and the value offsets where lines start.
        case block(firstLine: Int, indent: Int, lineStarts: [Int])
    }

    private let layout: Layout

    init(_ scalar: YAMLScalar, in source: SourceFile) {
        let span = scalar.span
        switch scalar.style {
        case .plain, .singleQuoted, .doubleQuoted:
            if span.start.line != span.end.line && scalar.value.contains("\n") {
                layout = .start(span.start)
            } else {
                let quote = scalar.style == .plain ? 0 : 1
                layout = .line(SourceLocation(line: span.start.line, column: span.start.column + quote))
            }
        case .literal, .folded:
            var lineStarts = [0]
            for (offset, character) in scalar.value.unicodeScalars.enumerated() where character == "\n" {
                lineStarts.append(offset + 1)
            }
            // The content starts on the line after the `|` or `>` header; its indentation is
            // that of the first non-blank content line.
            var indent = 0
            var probe = span.start.line + 1
            while let text = source.line(probe) {
                if !text.allSatisfy({ $0 == " " }) {
                    indent = text.prefix { $0 == " " }.count
                    break
                }
                probe += 1
            }
            layout = .block(firstLine: span.start.line + 1, indent: indent, lineStarts: lineStarts)
        }
    }

    public func location(ofOffset offset: Int) -> SourceLocation {
        switch layout {
        case .start(let start):
            return start
        case .line(let first):
            return SourceLocation(line: first.line, column: first.column + offset)
        case .block(let firstLine, let indent, let lineStarts):
            let line = lastIndex(in: lineStarts, notAbove: offset)
            return SourceLocation(line: firstLine + line, column: indent + offset - lineStarts[line] + 1)
        }
    }

    /// The index of the last element of sorted, non-empty `starts` that is `<= offset` (0 when none is).
    private func lastIndex(in starts: [Int], notAbove offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
