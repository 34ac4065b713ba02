import FlowSyntax

/// A problem in one expression. `range` is in Unicode-scalar offsets of the expression text;
/// the caller maps it onto the file (`YAMLScalar.location(ofOffset:in:)`) to make a `Diagnostic`.
public struct ExpressionFinding: Hashable, Sendable {
    /// The catalog code: FC107 or FC301–FC307.
    public var code: String
    public var severity: Severity
    public var range: Range<Int>
    /// Lowercase, no trailing period, names in backticks.
    public var message: String
    /// How to fix it; every expression finding has one.
    public var help: String?

    public init(code: String, severity: Severity = .error, range: Range<Int>, message: String, help: String?) {
        self.code = code
        self.severity = severity
        self.range = range
        self.message = message
        self.help = help
    }
}

extension ExpressionFinding {
    static func didYouMean(_ name: String?, otherwise: String) -> String {
        name.map { "did you mean `\($0)`?" } ?? otherwise
    }

    /// FC301
    static func syntax(_ error: ExpressionSyntaxError) -> Self {
        Self(
            code: "FC301", range: error.range, message: error.message,
            help: error.help ?? "see the expression grammar: paths like `contact.country`, quoted strings, "
                + "`and`, `or`, `not`, comparisons and calls like `count(\"Order Completed\")`"
        )
    }

    /// FC302
    static func rootNotAvailable(_ root: PathRoot, range: Range<Int>, available: Set<PathRoot>) -> Self {
        let usable = PathRoot.allCases.filter(available.contains).map { "`\($0.rawValue)`" }
        var help = usable.isEmpty ? "no paths can be used here" : "use " + usable.joined(separator: " or ")
        if root == .event {
            help = "`event` exists only where a candidate event does (trigger `where`, entry `key`, `goal`, "
                + "`exit`, `wait_for`); " + help
        }
        return Self(code: "FC302", range: range, message: "`\(root.rawValue)` is not available here", help: help)
    }

    /// FC303
    static func unknownFunction(_ name: String, range: Range<Int>) -> Self {
        let names = ExpressionFunction.allCases.map(\.rawValue)
        return Self(
            code: "FC303", range: range, message: "unknown function `\(name)`",
            help: didYouMean(
                suggestion(for: name, among: names),
                otherwise: "the functions are " + names.map { "`\($0)`" }.joined(separator: ", ")
            )
        )
    }

    /// FC303
    static func wrongArgumentCount(_ function: ExpressionFunction, found: Int, range: Range<Int>) -> Self {
        let arity = function.arity
        let expected = arity.lowerBound == arity.upperBound
            ? "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"
            : "\(arity.lowerBound) or \(arity.upperBound) arguments"
        return Self(
            code: "FC303", range: range, message: "`\(function.rawValue)` takes \(expected), found \(found)",
            help: "call it as `\(function.signature)`"
        )
    }

    /// FC304
    static func typeMismatch(_ message: String, range: Range<Int>, help: String) -> Self {
        Self(code: "FC304", range: range, message: message, help: help)
    }

    /// FC305
    static func unknownName(_ message: String, range: Range<Int>, help: String) -> Self {
        Self(code: "FC305", range: range, message: message, help: help)
    }

    /// FC306
    static func unknownEvent(_ name: String, range: Range<Int>, schema: Schema) -> Self {
        Self(
            code: "FC306", range: range, message: "unknown event `\(name)`",
            help: didYouMean(
                suggestion(for: name, among: schema.eventNames),
                otherwise: "declare it under `schema: events:` in `flowc.yaml`"
            )
        )
    }

    /// FC307
    static func constantCondition(range: Range<Int>) -> Self {
        Self(
            code: "FC307", severity: .warning, range: range, message: "condition is constant",
            help: "it depends on no path or function, so it is always the same; "
                + "compare a path such as `contact.country` or remove the condition"
        )
    }

    /// FC107
    static func notASendStep(_ function: ExpressionFunction, step: String, range: Range<Int>, context: ExpressionContext) -> Self {
        let sendSteps = context.sendSteps.sorted()
        let listed = sendSteps.isEmpty
            ? "this flow has no send step with an `id`"
            : "send steps: " + sendSteps.map { "`\($0)`" }.joined(separator: ", ")
        if context.steps.contains(step) {
            return Self(
                code: "FC107", range: range, message: "step `\(step)` in `\(function.rawValue)()` is not a send step",
                help: "`\(function.rawValue)()` reports on the email a send step sent; \(listed)"
            )
        }
        return Self(
            code: "FC107", range: range, message: "unknown step `\(step)` in `\(function.rawValue)()`",
            help: didYouMean(suggestion(for: step, among: sendSteps), otherwise: "name the `id` of a send step; \(listed)")
        )
    }
}

extension ExpressionFinding {
    /// The finding as a diagnostic of `file`, for an expression written as the YAML `scalar`
    /// (offsets are mapped with `YAMLScalar.location(ofOffset:in:)`; an empty range marks one column).
    public func diagnostic(in file: SourceFile, scalar: YAMLScalar) -> Diagnostic {
        let start = scalar.location(ofOffset: range.lowerBound, in: file)
        var end = scalar.location(ofOffset: range.upperBound, in: file)
        if end <= start { end = SourceLocation(line: start.line, column: start.column + 1) }
        return Diagnostic(
            file: file.path, span: SourceSpan(start: start, end: end), severity: severity, code: code,
            message: message, help: help
        )
    }
}
