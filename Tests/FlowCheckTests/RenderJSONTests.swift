import FlowCheck
import FlowSyntax
import Foundation
import Testing

@Suite struct RenderJSONTests {
    @Test func goldenOutput() {
        let quoted = Diagnostic(
            file: "flows/é \"q\".flow.yaml", span: SourceSpan(line: 2, column: 3, length: 4), severity: .info,
            code: "FC000", message: "tab\there\nnew line \\ done")
        #expect(JSONRenderer.render([RenderFixtures.unknownStep, RenderFixtures.unreachable, quoted]) == #"""
            {"diagnostics": [{"file": "flows/cart.flow.yaml", "line": 8, "column": 11, "end_line": 8, "end_column": 24, "severity": "error", "code": "FC101", "message": "unknown step `discount-ofer` in `goto`", "help": "did you mean `discount-offer`?"}, {"file": "flows/cart.flow.yaml", "line": 9, "column": 5, "end_line": 11, "end_column": 35, "severity": "warning", "code": "FC103", "message": "step `reminder` is unreachable"}, {"file": "flows/é \"q\".flow.yaml", "line": 2, "column": 3, "end_line": 2, "end_column": 7, "severity": "info", "code": "FC000", "message": "tab\there\nnew line \\ done"}], "errors": 1, "warnings": 1}

            """#)
    }

    @Test func emptyCheckHasNoDiagnosticsAndZeroCounts() {
        #expect(JSONRenderer.render([]) == "{\"diagnostics\": [], \"errors\": 0, \"warnings\": 0}\n")
    }

    @Test func shapeParsedWithFoundation() throws {
        let output = JSONRenderer.render(RenderFixtures.all)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(root.keys) == ["diagnostics", "errors", "warnings"])
        #expect(root["errors"] as? Int == 4)
        #expect(root["warnings"] as? Int == 2)
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == RenderFixtures.all.count)
        let required: Set = ["file", "line", "column", "end_line", "end_column", "severity", "code", "message"]
        for (object, diagnostic) in zip(diagnostics, RenderFixtures.all) {
            #expect(Set(object.keys) == (diagnostic.help == nil ? required : required.union(["help"])))
            #expect(object["file"] as? String == diagnostic.file)
            #expect(object["line"] as? Int == diagnostic.span.start.line)
            #expect(object["column"] as? Int == diagnostic.span.start.column)
            #expect(object["end_line"] as? Int == diagnostic.span.end.line)
            #expect(object["end_column"] as? Int == diagnostic.span.end.column)
            #expect(object["severity"] as? String == diagnostic.severity.rawValue)
            #expect(object["code"] as? String == diagnostic.code)
            #expect(object["message"] as? String == diagnostic.message)
            #expect(object["help"] as? String == diagnostic.help)
        }
    }

    @Test func keysComeInTheSpecOrder() throws {
        let output = JSONRenderer.render([RenderFixtures.unknownStep])
        let keys = ["diagnostics", "file", "line", "column", "end_line", "end_column", "severity", "code",
                    "message", "help", "errors", "warnings"]
        let positions = try keys.map { key in try #require(output.range(of: "\"\(key)\":")).lowerBound }
        #expect(positions == positions.sorted())
    }
}
