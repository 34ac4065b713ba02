import FlowCheck
import FlowSyntax

/// A small flow file and diagnostics covering the shapes renderers must handle.
enum RenderFixtures {
    static let cartPath = "flows/cart.flow.yaml"

    static let cart = SourceFile(path: cartPath, text: """
        flow: cart
        trigger:
          event: Checkout Started
        steps:
          - wait: 1h
          - id: reminder
            send: cart-reminder
          - goto: discount-ofer
          - id: reminder
            send:\tcart-remindr
            subject: "Tschüss 日本 {{x}}"

        """)

    static let sources = [cartPath: cart]

    /// An error with label and help.
    static let unknownStep = Diagnostic(
        file: cartPath, span: SourceSpan(line: 8, column: 11, length: 13), severity: .error, code: "FC101",
        message: "unknown step `discount-ofer` in `goto`", label: "no step has this id",
        help: "did you mean `discount-offer`?")

    /// A warning whose span covers two lines.
    static let unreachable = Diagnostic(
        file: cartPath,
        span: SourceSpan(start: SourceLocation(line: 9, column: 5), end: SourceLocation(line: 11, column: 35)),
        severity: .warning, code: "FC103", message: "step `reminder` is unreachable", label: "no jump leads here")

    /// An error with a related location.
    static let duplicateID = Diagnostic(
        file: cartPath, span: SourceSpan(line: 9, column: 9, length: 8), severity: .error, code: "FC102",
        message: "duplicate step id `reminder`", label: "second definition",
        help: "give every step of the flow a distinct id",
        related: [RelatedLocation(file: cartPath, span: SourceSpan(line: 6, column: 9, length: 8), message: "first defined here")])

    /// An error on a line with a tab before the span.
    static let missingTemplate = Diagnostic(
        file: cartPath, span: SourceSpan(line: 10, column: 11, length: 12), severity: .error, code: "FC401",
        message: "template `cart-remindr` not found", label: "no such template",
        help: "did you mean `cart-reminder`?")

    /// An error on a line with non-ASCII and wide characters before the span.
    static let unknownVariable = Diagnostic(
        file: cartPath, span: SourceSpan(line: 11, column: 26, length: 5), severity: .error, code: "FC403",
        message: "unknown variable `x` in template", label: "not a known name")

    /// A warning in a file whose source is not available.
    static let noSource = Diagnostic(
        file: "flows/winback.flow.yaml", span: SourceSpan(line: 3, column: 1, length: 7), severity: .warning,
        code: "FC502", message: "inactivity flow has no goal or exit on `Order Completed`",
        help: "add `goal: { event: Order Completed }`")

    static let all = [unknownStep, unreachable, duplicateID, missingTemplate, unknownVariable, noSource]
}
