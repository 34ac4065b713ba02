import FlowCheck
import FlowSyntax
import Testing

@Suite struct RenderTextTests {
    let renderer = TextRenderer(sources: RenderFixtures.sources)

    @Test func errorWithLabelAndHelp() {
        #expect(renderer.render([RenderFixtures.unknownStep]) == """
            flows/cart.flow.yaml:8:11: error[FC101]: unknown step `discount-ofer` in `goto`
              |
            8 |   - goto: discount-ofer
              |           ^^^^^^^^^^^^^ no step has this id
              = help: did you mean `discount-offer`?

            """)
    }

    @Test func multiLineSpanIsUnderlinedToTheEndOfItsFirstLine() {
        #expect(renderer.render([RenderFixtures.unreachable]) == """
            flows/cart.flow.yaml:9:5: warning[FC103]: step `reminder` is unreachable
              |
            9 |   - id: reminder
              |     ^^^^^^^^^^^^ no jump leads here

            """)
    }

    @Test func relatedLocationIsQuotedWithDashes() {
        #expect(renderer.render([RenderFixtures.duplicateID]) == """
            flows/cart.flow.yaml:9:9: error[FC102]: duplicate step id `reminder`
              |
            9 |   - id: reminder
              |         ^^^^^^^^ second definition
             ::: flows/cart.flow.yaml:6:9
              |
            6 |   - id: reminder
              |         -------- first defined here
              = help: give every step of the flow a distinct id

            """)
    }

    @Test func tabsExpandToFourSpacesAndCaretsFollow() {
        #expect(renderer.render([RenderFixtures.missingTemplate]) == """
            flows/cart.flow.yaml:10:11: error[FC401]: template `cart-remindr` not found
               |
            10 |     send:    cart-remindr
               |              ^^^^^^^^^^^^ no such template
               = help: did you mean `cart-reminder`?

            """)
    }

    @Test func wideCharactersTakeTwoCells() {
        // "Tschüss " is 8 scalars and 8 cells; "日本" is 2 scalars but 4 cells.
        #expect(renderer.render([RenderFixtures.unknownVariable]) == """
            flows/cart.flow.yaml:11:26: error[FC403]: unknown variable `x` in template
               |
            11 |     subject: "Tschüss 日本 {{x}}"
               |                            ^^^^^ not a known name

            """)
    }

    @Test func unavailableSourcePrintsHeaderAndHelpOnly() {
        #expect(renderer.render([RenderFixtures.noSource]) == """
            flows/winback.flow.yaml:3:1: warning[FC502]: inactivity flow has no goal or exit on `Order Completed`
              = help: add `goal: { event: Order Completed }`

            """)
    }

    @Test func relatedLocationWithoutSourceBecomesANote() {
        var diagnostic = RenderFixtures.noSource
        diagnostic.related = [RelatedLocation(
            file: "flows/a.flow.yaml", span: SourceSpan(line: 2, column: 7), message: "first defined here")]
        #expect(renderer.render([diagnostic]) == """
            flows/winback.flow.yaml:3:1: warning[FC502]: inactivity flow has no goal or exit on `Order Completed`
              = note: first defined here (flows/a.flow.yaml:2:7)
              = help: add `goal: { event: Order Completed }`

            """)
    }

    @Test func diagnosticsAreSeparatedByABlankLineAndNothingIsPrintedForNone() {
        let both = renderer.render([RenderFixtures.noSource, RenderFixtures.noSource])
        let one = renderer.render([RenderFixtures.noSource])
        #expect(both == one + "\n" + one)
        #expect(renderer.render([]) == "")
    }

    @Test func spansPastTheLineEndGetOneCaretAtTheEnd() {
        let pastEnd = Diagnostic(
            file: RenderFixtures.cartPath, span: SourceSpan(line: 1, column: 40, length: 3),
            severity: .error, code: "FC001", message: "expected a value")
        #expect(renderer.render([pastEnd]) == """
            flows/cart.flow.yaml:1:40: error[FC001]: expected a value
              |
            1 | flow: cart
              |           ^

            """)
    }

    @Test func controlCharactersInTheSourceAreNotPrinted() {
        let source = SourceFile(path: "f.yaml", text: "a: \u{1B}[31mred")
        let diagnostic = Diagnostic(
            file: "f.yaml", span: SourceSpan(line: 1, column: 9, length: 3), severity: .error, code: "FC004",
            message: "expected a number")
        let output = TextRenderer(sources: ["f.yaml": source]).render([diagnostic])
        #expect(!output.contains("\u{1B}"))
        #expect(output.contains("1 | a: \u{FFFD}[31mred\n  |         ^^^\n"))
    }

    @Test func multiLineHelpIsIndentedUnderItsText() {
        var diagnostic = RenderFixtures.noSource
        diagnostic.help = "first\nsecond"
        #expect(renderer.render([diagnostic]).hasSuffix("  = help: first\n          second\n"))
    }

    @Test func lineSourceClosureIsAskedForTheLine() {
        let renderer = TextRenderer { file, line in file == "x.yaml" && line == 2 ? "key: value" : nil }
        let diagnostic = Diagnostic(
            file: "x.yaml", span: SourceSpan(line: 2, column: 1, length: 3), severity: .warning, code: "FC005",
            message: "unknown key `key`")
        #expect(renderer.render([diagnostic]).contains("2 | key: value\n  | ^^^\n"))
    }

    @Test func colorPaintsSeverityGutterAndCarets() {
        let output = TextRenderer(sources: RenderFixtures.sources, color: true).render([RenderFixtures.unknownStep])
        let red = "\u{1B}[1;31m", blue = "\u{1B}[1;34m", bold = "\u{1B}[1m", reset = "\u{1B}[0m"
        #expect(output == """
            flows/cart.flow.yaml:8:11: \(red)error[FC101]\(reset): \(bold)unknown step `discount-ofer` in `goto`\(reset)
              \(blue)|\(reset)
            \(blue)8 |\(reset)   - goto: discount-ofer
              \(blue)|\(reset)           \(red)^^^^^^^^^^^^^ no step has this id\(reset)
              \(blue)=\(reset) \(bold)help\(reset): did you mean `discount-offer`?

            """)
        let warning = TextRenderer(sources: [:], color: true).render([RenderFixtures.noSource])
        #expect(warning.contains("\u{1B}[1;33mwarning[FC502]\(reset)"))
    }

    @Test func colorIsOffForNoColorDumbTerminalsAndPipes() {
        #expect(TerminalColor.isEnabled(isTerminal: true, environment: [:]))
        #expect(TerminalColor.isEnabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!TerminalColor.isEnabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!TerminalColor.isEnabled(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!TerminalColor.isEnabled(isTerminal: false, environment: [:]))
    }
}
