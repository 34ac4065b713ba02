import FlowSyntax

/// Renders diagnostics for people, in the shape of rustc:
///
/// ```
/// flows/cart.flow.yaml:14:13: error[FC101]: unknown step `discount-ofer` in `goto`
///    |
/// 14 |       goto: discount-ofer
///    |             ^^^^^^^^^^^^^ no step has this id
///    = help: did you mean `discount-offer`?
/// ```
///
/// A span over several lines is underlined from its start to the end of its first line.
/// Related locations follow as `::: file:line:col` snippets underlined with `-`. When a source
/// line is unavailable only the header and the help (and related notes) are printed.
/// Diagnostics are separated by a blank line and rendered in the order given.
/// The summary line is not part of this output: see `CheckOutcome.summary`.
public struct TextRenderer: Sendable {
    /// The text of 1-based `line` in `file`, or nil when it is unavailable.
    public typealias LineSource = @Sendable (_ file: String, _ line: Int) -> Substring?

    private let lineSource: LineSource
    private let style: TerminalStyle

    /// Reads source lines from `sources`, keyed by `Diagnostic.file`.
    public init(sources: [String: SourceFile], color: Bool = false) {
        self.init(color: color) { file, line in sources[file]?.line(line) }
    }

    public init(color: Bool = false, lineSource: @escaping LineSource) {
        self.lineSource = lineSource
        style = TerminalStyle(enabled: color)
    }

    /// All diagnostics, each ending with a newline, separated by blank lines; empty for none.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// One diagnostic: header, source snippets, help.
    public func render(_ diagnostic: Diagnostic) -> String {
        let primary = snippet(diagnostic.file, diagnostic.span, diagnostic.label)
        let related = diagnostic.related.map { ($0, snippet($0.file, $0.span, $0.message)) }
        let lineNumbers = ([primary] + related.map(\.1)).compactMap { $0?.lineNumber }
        let gutter = Gutter(width: max(String(lineNumbers.max() ?? 0).count, 1), style: style)

        var lines = [header(diagnostic)]
        if let primary {
            lines.append(gutter.empty)
            lines += primary.lines(gutter: gutter, marker: "^", paint: { style.paint($0, for: diagnostic.severity) })
        }
        for (location, snippet) in related {
            let place = "\(location.file):\(location.span.start)"
            if let snippet {
                lines += [gutter.reference(place), gutter.empty]
                lines += snippet.lines(gutter: gutter, marker: "-", paint: { style.paint($0, .gutter) })
            } else {
                lines.append(gutter.note("note", "\(location.message) (\(place))"))
            }
        }
        if let help = diagnostic.help {
            lines.append(gutter.note("help", help))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(_ diagnostic: Diagnostic) -> String {
        let kind = style.paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", for: diagnostic.severity)
        return "\(diagnostic.file):\(diagnostic.span.start): \(kind): \(style.paint(diagnostic.message, .emphasis))"
    }

    private func snippet(_ file: String, _ span: SourceSpan, _ label: String?) -> Snippet? {
        guard let text = lineSource(file, span.start.line) else { return nil }
        let line = DisplayLine(text)
        let endColumn = span.end.line == span.start.line ? span.end.column : line.scalarCount + 1
        let (indent, width) = line.underline(fromColumn: span.start.column, toColumn: endColumn)
        return Snippet(lineNumber: span.start.line, text: line.text, indent: indent, width: width, label: label)
    }
}

/// One quoted source line with its underline.
private struct Snippet {
    let lineNumber: Int
    let text: String
    let indent: Int
    let width: Int
    let label: String?

    func lines(gutter: Gutter, marker: Character, paint: (String) -> String) -> [String] {
        let underline = String(repeating: marker, count: width) + (label.map { " " + $0 } ?? "")
        return [
            gutter.numbered(lineNumber, text),
            gutter.empty + " " + String(repeating: " ", count: indent) + paint(underline),
        ]
    }
}

/// The left margin: line numbers, `|`, `=` and `:::` aligned to the widest line number.
private struct Gutter {
    let width: Int
    let style: TerminalStyle

    private var pad: String { String(repeating: " ", count: width) }

    /// `   |`
    var empty: String { pad + " " + style.paint("|", .gutter) }

    /// `14 | text`, without trailing space for an empty line.
    func numbered(_ number: Int, _ text: String) -> String {
        let number = String(number)
        let margin = String(repeating: " ", count: max(width - number.count, 0))
        let prefix = style.paint(margin + number + " |", .gutter)
        return text.isEmpty ? prefix : prefix + " " + text
    }

    /// `  ::: file:line:col`
    func reference(_ place: String) -> String { pad + style.paint(":::", .gutter) + " " + place }

    /// `   = help: text`, continuation lines aligned under the text.
    func note(_ kind: String, _ text: String) -> String {
        let continuation = "\n" + pad + String(repeating: " ", count: kind.count + 5)
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: continuation)
        return pad + " " + style.paint("=", .gutter) + " " + style.paint(kind, .emphasis) + ": " + body
    }
}
