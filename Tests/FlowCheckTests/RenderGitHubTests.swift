import FlowCheck
import FlowSyntax
import Testing

@Suite struct RenderGitHubTests {
    @Test func goldenOutput() {
        let info = Diagnostic(
            file: "flows/a.flow.yaml", span: SourceSpan(line: 1, column: 1), severity: .info, code: "FC000",
            message: "note")
        #expect(GitHubRenderer.render([RenderFixtures.unknownStep, RenderFixtures.unreachable, info]) == """
            ::error file=flows/cart.flow.yaml,line=8,col=11,endLine=8,endColumn=24,title=FC101::unknown step `discount-ofer` in `goto`%0Ahelp: did you mean `discount-offer`?
            ::warning file=flows/cart.flow.yaml,line=9,col=5,endLine=11,endColumn=35,title=FC103::step `reminder` is unreachable
            ::notice file=flows/a.flow.yaml,line=1,col=1,endLine=1,endColumn=2,title=FC000::note

            """)
    }

    @Test func nothingForNoDiagnostics() {
        #expect(GitHubRenderer.render([]) == "")
    }

    @Test func dataEscapesPercentCarriageReturnAndLineFeed() {
        #expect(GitHubRenderer.escapeData("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d")
        #expect(GitHubRenderer.escapeData("%0A") == "%250A")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubRenderer.escapeProperty("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A")
    }

    @Test func fileNamesAndMessagesAreEscapedInCommands() {
        let diagnostic = Diagnostic(
            file: "flows/a,b:c.flow.yaml", span: SourceSpan(line: 2, column: 3, length: 2), severity: .error,
            code: "FC001", message: "bad: 50%\nvalue", help: "fix, then retry")
        #expect(GitHubRenderer.command(diagnostic)
            == "::error file=flows/a%2Cb%3Ac.flow.yaml,line=2,col=3,endLine=2,endColumn=5,title=FC001::bad: 50%25%0Avalue%0Ahelp: fix, then retry")
    }
}
