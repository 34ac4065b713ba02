extension YAMLProblem {
    /// The catalog diagnostic for this problem (FC001, FC002 or FC003).
    public func diagnostic(file: String) -> Diagnostic {
        switch kind {
        case .syntax:
            return Diagnostic(file: file, span: span, severity: .error, code: "FC001",
                              message: "YAML syntax error: \(message)",
                              help: "fix the YAML at this position; indentation and unclosed brackets or quotes are the usual causes")
        case .duplicateKey(let key):
            let first = related.map { " (first at line \($0.start.line))" } ?? ""
            return Diagnostic(file: file, span: span, severity: .error, code: "FC002",
                              message: "duplicate key `\(key)`\(first)", label: "defined again here",
                              help: "remove one of the two `\(key):` entries")
        case .anchorOrAlias(let what):
            return Diagnostic(file: file, span: span, severity: .error, code: "FC003",
                              message: "\(what)s are not allowed in flowc files",
                              help: "write the value out in full instead of using anchors, aliases or merge keys")
        }
    }
}
