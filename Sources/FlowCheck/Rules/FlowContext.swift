import FlowSyntax

/// What a flow rule sees: the flow, its step graph and the project around it.
public struct FlowContext {
    public let flow: Flow
    public let graph: StepGraph
    public let project: Project
    /// The project's schema; nil when `flowc.yaml` declares none (checking is then lenient).
    public let schema: Schema?

    public init(flow: Flow, project: Project, schema: Schema?) {
        self.flow = flow
        self.project = project
        self.schema = schema
        graph = StepGraph(steps: flow.steps)
    }

    public var file: String { flow.source.path }

    /// A diagnostic in this flow's file.
    public func diagnostic(
        _ code: String, _ severity: Severity, at span: SourceSpan, _ message: String,
        label: String? = nil, help: String
    ) -> Diagnostic {
        Diagnostic(file: file, span: span, severity: severity, code: code, message: message, label: label, help: help)
    }

    /// The span of the first line of `span` (for diagnostics that point at a whole step).
    public func firstLine(of span: SourceSpan) -> SourceSpan {
        let length = flow.source.line(span.start.line).map { max(1, $0.count - span.start.column + 1) } ?? 1
        if span.end.line == span.start.line { return span }
        return SourceSpan(line: span.start.line, column: span.start.column, length: length)
    }
}
