import FlowSyntax
/// Renders GitHub Actions workflow commands, one per line, so that findings show as annotations:
/// `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message%0Ahelp: ...`.
///
/// Warnings become `::warning`, info `::notice`. Escaping follows @actions/core.
public enum GitHubRenderer {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { command($0) + "\n" }.joined()
    }

    /// The workflow command of one diagnostic, without the newline.
    public static func command(_ diagnostic: Diagnostic) -> String {
        let properties = [
            ("file", diagnostic.file),
            ("line", String(diagnostic.span.start.line)),
            ("col", String(diagnostic.span.start.column)),
            ("endLine", String(diagnostic.span.end.line)),
            ("endColumn", String(diagnostic.span.end.column)),
            ("title", diagnostic.code),
        ].map { "\($0)=\(escapeProperty($1))" }.joined(separator: ",")
        let message = diagnostic.help.map { "\(diagnostic.message)\nhelp: \($0)" } ?? diagnostic.message
        return "::\(command(for: diagnostic.severity)) \(properties)::\(escapeData(message))"
    }

    /// Escapes a command's message: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A")])
    }

    /// Escapes a property value: as `escapeData`, plus `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")])
    }

    private static func escape(_ text: String, _ replacements: [(Unicode.Scalar, String)]) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if let replacement = replacements.first(where: { $0.0 == scalar }) {
                output += replacement.1
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }
}
