import FlowCheck
import FlowSyntax

/// Test output for tools: `{"scenarios": [...], "passed": N, "failed": N}`, one object per
/// scenario with its failures and timeline.
public enum ScenarioJSONRenderer {
    public static func render(_ results: [ScenarioResult]) -> String {
        let failed = results.count { !$0.passed }
        let document = JSONValue.object([
            "scenarios": .array(results.map(scenario)),
            "passed": .int(results.count - failed),
            "failed": .int(failed),
        ])
        return JSONWriter.write(document, style: .pretty) + "\n"
    }

    private static func scenario(_ result: ScenarioResult) -> JSONValue {
        .object([
            "name": .string(result.name),
            "file": .string(result.file),
            "line": .int(result.span.start.line),
            "column": .int(result.span.start.column),
            "status": .string(result.passed ? "passed" : "failed"),
            "failures": .array(result.failures.map { failure in
                .object([
                    "file": .string(failure.file),
                    "line": .int(failure.span.start.line),
                    "column": .int(failure.span.start.column),
                    "message": .string(failure.message),
                ])
            }),
            "timeline": .array(result.timeline.map { line in
                .object([
                    "mark": .string(line.mark.rawValue),
                    "time": line.time.map { .string(RFC3339.format($0)) },
                    "contact": .string(line.contact),
                    "text": .string(line.text),
                    "expectation": line.expectation.map(JSONValue.string),
                ])
            }),
        ])
    }
}
