/// Renders a `FlowDiagram` as a Mermaid `flowchart TD`, which GitHub shows in Markdown
/// (inside a ```` ```mermaid ```` block).
public enum MermaidRenderer {
    public static func render(_ diagram: FlowDiagram) -> String {
        var out = "flowchart TD\n"
        for node in diagram.nodes {
            let (open, close) = shape(of: node.kind)
            out += "    \(node.id)\(open)\"\(node.lines.map(escape).joined(separator: "<br>"))\"\(close)\n"
        }
        for edge in diagram.edges {
            let arrow = edge.style == .dashed ? "-.->" : "-->"
            let label = edge.label.map { "|\"\(escape($0))\"|" } ?? ""
            out += "    \(edge.from) \(arrow)\(label) \(edge.to)\n"
        }
        return out + heatClasses(diagram)
    }

    /// One `classDef heatN` per heat level in use and a `class` line giving it to its nodes;
    /// nothing when no node has a heat level.
    private static func heatClasses(_ diagram: FlowDiagram) -> String {
        let levels = Dictionary(grouping: diagram.nodes.filter { $0.heat != nil }, by: { $0.heat ?? 0 })
        return levels.keys.sorted().reduce(into: "") { out, level in
            let ids = levels[level, default: []].map(\.id).joined(separator: ",")
            out += "    classDef heat\(level) fill:\(HeatScale.color(level)),color:#000\n"
            out += "    class \(ids) heat\(level)\n"
        }
    }

    /// `text` made safe inside a quoted Mermaid label: characters that Mermaid or its HTML
    /// labels would read as syntax become entity codes (`#34;` for `"`), and line breaks
    /// and other control characters become spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "#", "&", "<", ">", "|", "`":
                out += "#\(scalar.value);"
            case _ where scalar.properties.generalCategory == .control:
                out += " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func shape(of kind: FlowDiagram.NodeKind) -> (open: String, close: String) {
        switch kind {
        case .start, .endStep: ("([", "])")
        case .wait, .waitFor: ("(", ")")
        case .send, .goto, .update: ("[", "]")
        case .branch, .split: ("{{", "}}")
        case .finish: ("((", "))")
        }
    }
}
