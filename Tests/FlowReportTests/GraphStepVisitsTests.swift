import FlowIR
import FlowReport
import FlowRuntime
import FlowSyntax
import Testing

/// `ReportBuilder.reportCountingSteps` and `FlowDiagram.annotated(with:visits:)`: every step node
/// of a heat map shows how many times instances reached it.
@Suite struct GraphStepVisitsTests {
    static let flow = """
        flow: mix
        trigger: { event: Go }
        delivery: { window: { hours: "09:00-17:00" } }
        steps:
          - id: pick
            split: [{ weight: 50, goto: a }, { weight: 50, goto: b }]
          - id: a
            update: { tier: a }
          - id: b
            wait_for: { event: Buy, within: 1h }
          - id: mail
            send: hello
          - goto: end
        """

    static let contacts = ["u1", "u2", "u3", "u4", "u5", "u6"]

    /// Everyone starts at 20:00Z, outside the window; u1 buys within the hour, the others time
    /// out at 21:00Z; every send is postponed to 09:00Z the next day.
    static func replay() throws -> (ProjectReport, StepVisitCounter, Project) {
        let project = ProjectLoader.load(directory: "flows", files: [
            "mix.flow.yaml": flow, "templates/hello.email.yaml": "subject: Hi\ntext: Hello {{unsubscribe_url}}\n",
        ])
        var lines = contacts.map {
            #"{"type":"identify","userId":"\#($0)","timestamp":"2026-03-02T19:00:00Z","traits":{"email":"\#($0)@example.com"}}"#
        }
        lines += contacts.map { #"{"type":"track","userId":"\#($0)","event":"Go","timestamp":"2026-03-02T20:00:00Z"}"# }
        lines.append(#"{"type":"track","userId":"u1","event":"Buy","timestamp":"2026-03-02T20:30:00Z"}"#)
        let reader = EventLogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8), name: "events.jsonl")
        let (report, steps) = try ReportBuilder.reportCountingSteps(
            of: IRCompiler.compile(project), events: reader, until: RFC3339.parse("2026-03-04T00:00:00Z"))
        return (report, steps, project)
    }

    @Test func everyStepCountsItsVisitsAndAPostponedSendOnlyOnce() throws {
        let (report, steps, _) = try Self.replay()
        let toA = Self.contacts.count { Bucket.of(flow: "mix", step: "pick", contact: $0) < 50 }
        #expect(steps.visits(ofFlow: "mix") == [6, toA, 6, 6, 6])
        #expect(report.flows.first?.steps.first?.mail.sent == 6)
        #expect(steps.visits(ofFlow: "other") == nil)
    }

    @Test func diagramNodesShowEnteredCountsAndHeat() throws {
        let (report, steps, project) = try Self.replay()
        let flow = try #require(project.flows.first)
        let metrics = try #require(report.flows.first)
        let diagram = FlowDiagram(flow: flow).annotated(with: metrics, visits: try #require(steps.visits(ofFlow: "mix")))
        let lastLines = diagram.nodes.filter { $0.stepIndex != nil }.map { $0.lines.last ?? "" }
        #expect(lastLines[0] == "entered 6")
        #expect(lastLines[2] == "entered 6")
        #expect(lastLines[3] == "entered 6, sent 6, opened 0, clicked 0, converted 0")
        #expect(lastLines[4] == "entered 6")
        #expect(diagram.nodes.filter { $0.stepIndex != nil }.map(\.heat).allSatisfy { $0 != nil })
        #expect(diagram.nodes.last?.heat == nil)
    }
}
