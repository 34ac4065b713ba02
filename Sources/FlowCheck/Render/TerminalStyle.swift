import FlowSyntax
/// ANSI styling for text output, applied only when color is on.
struct TerminalStyle {
    enum Role: String {
        case error = "1;31"
        case warning = "1;33"
        case info = "1;36"
        case gutter = "1;34"
        case emphasis = "1"
    }

    let enabled: Bool

    func paint(_ text: String, _ role: Role) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(role.rawValue)m\(text)\u{1B}[0m" : text
    }

    func paint(_ text: String, for severity: Severity) -> String {
        switch severity {
        case .error: paint(text, .error)
        case .warning: paint(text, .warning)
        case .info: paint(text, .info)
        }
    }
}

/// Whether text output should be colored.
public enum TerminalColor {
    /// True when writing to a terminal, unless `NO_COLOR` is set to a non-empty value
    /// (https://no-color.org) or `TERM` is `dumb`.
    public static func isEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }
}
