/// A flow as a diagram, independent of the output format: one node for the trigger, one per
/// step and one for the end, and labelled edges for every way control can move.
///
/// Built by `FlowDiagram(flow:graph:)`, rendered by `MermaidRenderer` and `DOTRenderer`.
/// Step nodes keep their step position, so per-step facts such as counts from a run can be
/// attached to `lines` before rendering.
public struct FlowDiagram: Sendable, Equatable {
    /// What a node stands for; renderers choose a shape per kind.
    public enum NodeKind: String, Sendable, Equatable {
        /// The top node: trigger, audience, entry rules, goal and exits.
        case start
        case wait, send, waitFor, branch, split, goto, update
        /// An `end` step.
        case endStep
        /// Where every completed instance goes.
        case finish
    }

    public struct Node: Sendable, Equatable {
        /// An identifier safe in every output format (`start`, `step1`, ..., `finish`).
        public var id: String
        public var kind: NodeKind
        /// Text lines, first line the title; plain text, escaped by the renderers.
        public var lines: [String]
        /// Position in the flow's `steps`, nil for the start and finish nodes.
        public var stepIndex: Int?
        /// How busy the node was in a replayed log, a `HeatScale` level; nil when not measured.
        public var heat: Int?

        public init(id: String, kind: NodeKind, lines: [String], stepIndex: Int? = nil, heat: Int? = nil) {
            self.id = id
            self.kind = kind
            self.lines = lines
            self.stepIndex = stepIndex
            self.heat = heat
        }
    }

    /// How an edge is drawn: `solid` for a taken path, `dashed` for a fallback
    /// (a `wait_for` timeout, a branch with no matching condition).
    public enum EdgeStyle: String, Sendable, Equatable {
        case solid, dashed
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        /// Plain text, escaped by the renderers.
        public var label: String?
        public var style: EdgeStyle

        public init(from: String, to: String, label: String? = nil, style: EdgeStyle = .solid) {
            self.from = from
            self.to = to
            self.label = label
            self.style = style
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}
