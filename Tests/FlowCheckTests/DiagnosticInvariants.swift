import FlowCheck
import FlowSyntax

/// What every diagnostic must satisfy, whatever the input: the problems found in one, as text.
enum DiagnosticInvariants {
    static func violations(of diagnostic: Diagnostic, in project: Project) -> [String] {
        var problems: [String] = []
        guard let rule = RuleCatalog.rule(diagnostic.code) else { return ["code \(diagnostic.code) is not in the catalog"] }
        if rule.severity != diagnostic.severity { problems.append("severity \(diagnostic.severity) differs from the catalog's \(rule.severity)") }
        problems += spanViolations(diagnostic.span, file: diagnostic.file, in: project)
        for related in diagnostic.related {
            problems += spanViolations(related.span, file: related.file, in: project).map { "related: " + $0 }
        }
        if !isWellFormedMessage(diagnostic.message) { problems.append("message is empty or starts with a capital") }
        if diagnostic.help?.isEmpty ?? true { problems.append("help is missing") }
        return problems
    }

    private static func spanViolations(_ span: SourceSpan, file path: String, in project: Project) -> [String] {
        var problems: [String] = []
        if span.start.line < 1 || span.start.column < 1 { problems.append("span \(span) starts before 1:1") }
        if span.end < span.start { problems.append("span \(span) ends before it starts") }
        if let file = project.files[path], file.line(span.start.line) == nil {
            problems.append("line \(span.start.line) does not exist (the file has \(file.lines.count))")
        }
        return problems
    }

    /// Lowercase first, unless it starts with a quoted name or with `YAML`.
    private static func isWellFormedMessage(_ message: String) -> Bool {
        guard let first = message.first else { return false }
        return !first.isUppercase || message.hasPrefix("YAML")
    }
}
