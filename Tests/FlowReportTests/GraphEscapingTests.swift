import FlowReport
import Testing

/// Label text must never be read as Mermaid or DOT syntax.
@Suite struct GraphEscapingTests {
    @Test func mermaidTurnsSyntaxCharactersIntoEntityCodes() {
        #expect(MermaidRenderer.escape(#"say "hi" | <b> #1 & `x`"#)
            == "say #34;hi#34; #124; #60;b#62; #35;1 #38; #96;x#96;")
    }

    @Test func mermaidKeepsOtherTextAsWritten() {
        #expect(MermaidRenderer.escape("{[(end)]}; \\ é 😀") == "{[(end)]}; \\ é 😀")
    }

    @Test func mermaidTurnsLineBreaksIntoSpaces() {
        #expect(MermaidRenderer.escape("one\ntwo\r\tthree") == "one two  three")
    }

    @Test func dotEscapesQuotesAndBackslashes() {
        #expect(DOTRenderer.escape(#"a "b" \n c\"#) == #"a \"b\" \\n c\\"#)
    }

    @Test func dotKeepsOtherTextAsWritten() {
        #expect(DOTRenderer.escape("<b> | #1 & {x} é") == "<b> | #1 & {x} é")
    }

    @Test func dotTurnsLineBreaksIntoSpaces() {
        #expect(DOTRenderer.escape("one\ntwo") == "one two")
    }

    @Test func renderersEscapeNodeAndEdgeLabels() {
        let diagram = FlowDiagram(
            nodes: [
                FlowDiagram.Node(id: "step1", kind: .send, lines: [#"a "b""#, "c|d"], stepIndex: 0),
                FlowDiagram.Node(id: "finish", kind: .finish, lines: ["end"]),
            ],
            edges: [FlowDiagram.Edge(from: "step1", to: "finish", label: "x > 1", style: .dashed)]
        )
        #expect(MermaidRenderer.render(diagram) == """
            flowchart TD
                step1["a #34;b#34;<br>c#124;d"]
                finish(("end"))
                step1 -.->|"x #62; 1"| finish

            """)
        let dot = DOTRenderer.render(diagram)
        #expect(dot.contains(#""step1" [label="a \"b\"\nc|d", shape=box];"#))
        #expect(dot.contains(#""step1" -> "finish" [label="x > 1", style=dashed];"#))
    }
}
