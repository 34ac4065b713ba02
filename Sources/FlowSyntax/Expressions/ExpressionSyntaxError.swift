/// A syntax error in an expression (FC301): what is wrong, the Unicode-scalar offsets it
/// covers in the expression text (empty at the end of the text), and how to fix it.
public struct ExpressionSyntaxError: Error, Hashable, Sendable {
    /// Lowercase, no trailing period, names in backticks.
    public var message: String
    public var range: Range<Int>
    public var help: String?

    public init(_ message: String, range: Range<Int>, help: String? = nil) {
        self.message = message
        self.range = range
        self.help = help
    }
}
