import FlowReport
import FlowSyntax
import Testing

/// `FlowDiagram(flow:)`: one node per step with its facts, and an edge for every way on.
@Suite struct GraphDiagramTests {
    static func diagram(_ yaml: String) throws -> FlowDiagram {
        let project = ProjectLoader.load(directory: "p", files: ["f.flow.yaml": yaml])
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        return FlowDiagram(flow: try #require(project.flows.first))
    }

    static func edges(_ diagram: FlowDiagram) -> [String] {
        diagram.edges.map { edge in
            "\(edge.from) -> \(edge.to)" + (edge.label.map { " [\($0)]" } ?? "") + (edge.style == .dashed ? " dashed" : "")
        }
    }

    @Test func startNodeShowsTriggerEntryGoalAndExits() throws {
        let diagram = try Self.diagram("""
            flow: cart
            name: Cart
            trigger: { event: Checkout Started, where: event.properties.value > 0 }
            audience: contact.country != "US"
            entry: { key: event.properties.id, reentry: after 7d, retrigger: restart }
            goal: { event: Order Completed }
            exit: [{ event: Unsubscribed, where: event.properties.all == true }]
            steps: [{ wait: 1h }]
            """)
        #expect(diagram.nodes.first?.id == "start")
        #expect(diagram.nodes.first?.lines == [
            "Cart (cart)", "trigger: event Checkout Started", "where: event.properties.value > 0",
            "audience: contact.country != \"US\"", "entry key: event.properties.id", "reentry: after 7d",
            "retrigger: restart", "goal: event Order Completed", "exit: event Unsubscribed",
            "where: event.properties.all == true",
        ])
    }

    @Test func stepNodesCarryNameKindFactsAndPosition() throws {
        let diagram = try Self.diagram("""
            flow: facts
            trigger: { date: contact.birthday, offset: -7d, at: "10:00" }
            steps:
              - wait: { until: "09:30", on: [mon, fri] }
              - id: pause
                wait: { days: 1, at: "15:00" }
              - wait: { date: trigger.properties.date, offset: +2d }
              - update: { tier: gold, vip: true, old: null }
              - goto: end
            """)
        #expect(diagram.nodes.first?.lines == ["facts", "trigger: date contact.birthday -7d at 10:00, yearly"])
        let steps = diagram.nodes.filter { $0.stepIndex != nil }
        #expect(steps.map(\.id) == ["step1", "step2", "step3", "step4", "step5"])
        #expect(steps.map(\.stepIndex) == [0, 1, 2, 3, 4])
        #expect(steps.map(\.kind) == [.wait, .wait, .wait, .update, .goto])
        #expect(steps.map(\.lines) == [
            ["#1", "wait until 09:30 on mon, fri"],
            ["pause", "wait 1 day, at 15:00"],
            ["#3", "wait until trigger.properties.date +2d"],
            ["#4", "update", "tier = \"gold\"", "vip = true", "remove old"],
            ["#5", "goto end"],
        ])
        #expect(diagram.nodes.last?.id == "finish")
    }

    @Test func edgesCarryConditionsOutcomesAndWeights() throws {
        let diagram = try Self.diagram("""
            flow: edges
            trigger: { event: Signed Up }
            steps:
              - id: pick
                split: [{ weight: 80, goto: ask }, { weight: 20, goto: end }]
              - id: ask
                wait_for: { event: Order Completed, within: 2d, then: end }
              - id: check
                branch:
                  - { if: contact.vip == true, goto: last }
              - end
              - id: last
                send: { variants: [{ template: a, weight: 50 }, { template: b, weight: 50 }] }
            """)
        #expect(Self.edges(diagram) == [
            "start -> step1",
            "step1 -> step2 [80%]", "step1 -> finish [20%]",
            "step2 -> finish [then]", "step2 -> step3 [timeout] dashed",
            "step3 -> step5 [contact.vip == true]", "step3 -> step4 [no match] dashed",
            "step4 -> finish",
            "step5 -> finish",
        ])
        #expect(diagram.nodes.first { $0.id == "step5" }?.lines == ["last", "send A/B test", "a: 50%", "b: 50%"])
        #expect(diagram.nodes.first { $0.id == "step4" }?.kind == .endStep)
    }

    @Test func jumpsToUnknownStepsAreLeftOut() throws {
        let diagram = try Self.diagram("""
            flow: broken
            trigger: { event: Signed Up }
            steps:
              - branch: [{ if: contact.vip == true, goto: nowhere }, { else: end }]
            """)
        #expect(Self.edges(diagram) == ["start -> step1", "step1 -> finish [else]"])
    }
}
