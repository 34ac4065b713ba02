import FlowCheck
import FlowSyntax

extension FlowDiagram {
    /// The node id of the start node, above the first step.
    public static let startID = "start"
    /// The node id of the finish node, where completed instances go.
    public static let finishID = "finish"

    /// The node id of the step at `position` in `steps` (`step1` for the first step).
    public static func stepID(_ position: Int) -> String { "step\(position + 1)" }

    /// Builds the diagram of `flow`.
    public init(flow: Flow) {
        self.init(flow: flow, graph: StepGraph(steps: flow.steps))
    }

    /// Builds the diagram of `flow`, whose steps `graph` holds. Jumps to unknown steps are
    /// left out (the checker reports them).
    public init(flow: Flow, graph: StepGraph) {
        var nodes = [Node(id: Self.startID, kind: .start, lines: DiagramText.startLines(of: flow))]
        var edges: [Edge] = []
        if !flow.steps.isEmpty {
            edges.append(Edge(from: Self.startID, to: Self.stepID(0)))
        }
        for step in flow.steps {
            nodes.append(Node(
                id: Self.stepID(step.index), kind: Self.kind(of: step.action),
                lines: [step.name] + DiagramText.facts(of: step.action), stepIndex: step.index
            ))
            edges += Self.edges(from: step, graph: graph)
        }
        nodes.append(Node(id: Self.finishID, kind: .finish, lines: ["end"]))
        self.init(nodes: nodes, edges: edges)
    }

    private static func kind(of action: StepAction) -> NodeKind {
        switch action {
        case .wait: .wait
        case .send: .send
        case .waitFor: .waitFor
        case .branch: .branch
        case .split: .split
        case .goto: .goto
        case .update: .update
        case .end: .endStep
        }
    }

    /// The labelled edges leaving `step`, in the order the step's source lists them.
    private static func edges(from step: Step, graph: StepGraph) -> [Edge] {
        let from = stepID(step.index)
        let next = step.index + 1 < graph.steps.count ? stepID(step.index + 1) : finishID
        func edge(_ jump: JumpTarget?, label: String? = nil, style: EdgeStyle = .solid) -> Edge? {
            let to: String
            switch jump.map(graph.resolve) {
            case nil: to = next
            case .step(let position)?: to = stepID(position)
            case .end?: to = finishID
            case nil?: return nil
            }
            return Edge(from: from, to: to, label: label, style: style)
        }
        switch step.action {
        case .wait, .send, .update:
            return [Edge(from: from, to: next)]
        case .end:
            return [Edge(from: from, to: finishID)]
        case .goto(let target):
            return [edge(target)].compactMap { $0 }
        case .waitFor(let waitFor):
            return [
                edge(waitFor.then, label: "then"),
                edge(waitFor.timeout, label: "timeout", style: .dashed),
            ].compactMap { $0 }
        case .branch(let branch):
            var result = branch.cases.compactMap { branchCase -> Edge? in
                switch branchCase {
                case .condition(let condition, let goto, _): edge(goto, label: condition.text)
                case .otherwise(let goto, _): edge(goto, label: "else")
                }
            }
            let hasElse = branch.cases.contains { if case .otherwise = $0 { true } else { false } }
            if !hasElse, let fallThrough = edge(nil, label: "no match", style: .dashed) {
                result.append(fallThrough)
            }
            return result
        case .split(let split):
            return split.options.compactMap { edge($0.goto, label: "\($0.weight.value)%") }
        }
    }
}
