/// A source file's text with its path as the user named it and fast access to its lines.
public struct SourceFile: Sendable {
    /// The path as given on the command line joined with the path inside it.
    public let path: String
    public let text: String
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.last == "\r" ? $0.dropLast() : $0
        }
    }

    /// The text of 1-based line `number`, or nil when there is no such line.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
