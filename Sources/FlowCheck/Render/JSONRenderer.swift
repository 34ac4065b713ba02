import FlowSyntax
/// Renders `flowc check --format json` (spec section 7):
/// `{"diagnostics": [{"file", "line", "column", "end_line", "end_column", "severity", "code",
/// "message", "help"?}], "errors": N, "warnings": N}`, on one line with the spacing the spec shows, ending with a newline.
///
/// `end_line`/`end_column` are the span's exclusive end (the character after the last one).
public enum JSONRenderer {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        let outcome = CheckOutcome(diagnostics: diagnostics)
        let document = JSONValue.object([
            JSONMember("diagnostics", .array(diagnostics.map(object))),
            JSONMember("errors", .int(outcome.errors)),
            JSONMember("warnings", .int(outcome.warnings)),
        ])
        return JSONWriter.write(document, style: .spaced) + "\n"
    }

    private static func object(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "file": .string(diagnostic.file),
            "line": .int(diagnostic.span.start.line),
            "column": .int(diagnostic.span.start.column),
            "end_line": .int(diagnostic.span.end.line),
            "end_column": .int(diagnostic.span.end.column),
            "severity": .string(diagnostic.severity.rawValue),
            "code": .string(diagnostic.code),
            "message": .string(diagnostic.message),
            "help": diagnostic.help.map(JSONValue.string),
        ])
    }
}
