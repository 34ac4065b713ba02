import FlowCheck
import FlowSyntax
import Testing

@Suite struct RenderCheckOutcomeTests {
    static func diagnostics(_ severities: [Severity]) -> [Diagnostic] {
        severities.map {
            Diagnostic(file: "f", span: SourceSpan(line: 1, column: 1), severity: $0, code: "FC000", message: "m")
        }
    }

    @Test func exitCodePolicy() {
        #expect(CheckOutcome.exitCode(diagnostics: [], strict: false) == 0)
        #expect(CheckOutcome.exitCode(diagnostics: [], strict: true) == 0)
        #expect(CheckOutcome.exitCode(diagnostics: Self.diagnostics([.warning, .info]), strict: false) == 0)
        #expect(CheckOutcome.exitCode(diagnostics: Self.diagnostics([.warning]), strict: true) == 1)
        #expect(CheckOutcome.exitCode(diagnostics: Self.diagnostics([.info]), strict: true) == 0)
        #expect(CheckOutcome.exitCode(diagnostics: Self.diagnostics([.error]), strict: false) == 1)
    }

    @Test func summaryListsNonZeroCountsWithPlurals() {
        #expect(CheckOutcome(diagnostics: []).summary == nil)
        #expect(CheckOutcome(diagnostics: Self.diagnostics([.error, .warning, .error])).summary == "2 errors, 1 warning")
        #expect(CheckOutcome(diagnostics: Self.diagnostics([.warning, .warning])).summary == "2 warnings")
        #expect(CheckOutcome(diagnostics: Self.diagnostics([.error, .info, .info])).summary == "1 error, 2 info")
    }

    @Test func formatsDispatchToTheirRenderers() {
        let all = RenderFixtures.all
        let render = { (format: DiagnosticFormat) in
            format.render(all, sources: RenderFixtures.sources, color: false, toolVersion: "1.2.3")
        }
        #expect(render(.text) == TextRenderer(sources: RenderFixtures.sources).render(all))
        #expect(render(.json) == JSONRenderer.render(all))
        #expect(render(.github) == GitHubRenderer.render(all))
        #expect(render(.sarif) == SARIFRenderer(toolVersion: "1.2.3").render(all))
        #expect(DiagnosticFormat(rawValue: "sarif") == .sarif)
    }
}
