/// Renders a `FlowDiagram` in the DOT language of Graphviz (`dot -Tsvg`).
public enum DOTRenderer {
    public static func render(_ diagram: FlowDiagram) -> String {
        var out = """
        digraph flow {
            node [fontname="Helvetica", fontsize=11];
            edge [fontname="Helvetica", fontsize=10];

        """
        for node in diagram.nodes {
            let label = node.lines.map(escape).joined(separator: "\\n")
            out += "    \(quoted(node.id)) [label=\"\(label)\", \(attributes(of: node))];\n"
        }
        for edge in diagram.edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\"\(escape(label))\"") }
            if edge.style == .dashed { attributes.append("style=dashed") }
            let list = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            out += "    \(quoted(edge.from)) -> \(quoted(edge.to))\(list);\n"
        }
        return out + "}\n"
    }

    /// `text` made safe inside a double-quoted DOT label: backslashes (which start Graphviz
    /// escapes such as `\n`) and quotes are escaped, control characters become spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where scalar.properties.generalCategory == .control: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func quoted(_ id: String) -> String { "\"\(escape(id))\"" }

    /// Shape and style by kind; a node with a heat level is also filled with its colour.
    private static func attributes(of node: FlowDiagram.Node) -> String {
        let (shape, styles): (String, [String]) = switch node.kind {
        case .start: ("box", ["rounded", "bold"])
        case .wait, .waitFor: ("box", ["rounded"])
        case .send, .goto, .update: ("box", [])
        case .branch, .split: ("hexagon", [])
        case .endStep: ("oval", [])
        case .finish: ("doublecircle", [])
        }
        guard let heat = node.heat else {
            return "shape=\(shape)" + (styles.isEmpty ? "" : ", style=\(styleList(styles))")
        }
        return "shape=\(shape), style=\(styleList(styles + ["filled"])), fillcolor=\"\(HeatScale.color(heat))\""
    }

    /// A style attribute value: bare for one style, quoted for a comma-separated list.
    private static func styleList(_ styles: [String]) -> String {
        styles.count == 1 ? styles[0] : "\"\(styles.joined(separator: ","))\""
    }
}
