/// The output formats of `flowc graph --format`.
public enum DiagramFormat: String, CaseIterable, Sendable {
    case mermaid, dot

    /// Renders `diagram` in this format.
    public func render(_ diagram: FlowDiagram) -> String {
        switch self {
        case .mermaid: MermaidRenderer.render(diagram)
        case .dot: DOTRenderer.render(diagram)
        }
    }
}
