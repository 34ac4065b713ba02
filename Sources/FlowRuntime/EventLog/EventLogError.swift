/// A problem with the event log, for the user: where (file, line, column) and what is wrong,
/// with a help line saying how to fix it.
public struct EventLogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The log's name as given on the command line (`<stdin>` for `-`).
    public var file: String
    /// 1-based line; nil when the problem is not on a line (the file cannot be read).
    public var line: Int?
    /// 1-based character column within the line.
    public var column: Int?
    /// Lowercase, no trailing period, names in backticks.
    public var message: String
    public var help: String?

    public init(file: String, line: Int?, column: Int?, message: String, help: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.help = help
    }

    /// `file:line:column: error: message`, then `  = help: …` on its own line.
    public var description: String { description(as: "error") }

    /// The same with another label, like `warning` for a line `--skip-invalid` skipped.
    public func description(as label: String) -> String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = "\(location): \(label): \(message)"
        if let help { text += "\n  = help: \(help)" }
        return text
    }
}
