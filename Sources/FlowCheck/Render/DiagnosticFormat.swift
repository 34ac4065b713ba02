import FlowSyntax

/// The output formats of `flowc check --format`.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif

    /// Renders `diagnostics` in this format. `sources` and `color` are used by `text` only,
    /// `toolVersion` and `informationURI` by `sarif` only.
    public func render(
        _ diagnostics: [Diagnostic], sources: [String: SourceFile], color: Bool,
        toolVersion: String, informationURI: String? = nil
    ) -> String {
        switch self {
        case .text: TextRenderer(sources: sources, color: color).render(diagnostics)
        case .json: JSONRenderer.render(diagnostics)
        case .github: GitHubRenderer.render(diagnostics)
        case .sarif: SARIFRenderer(toolVersion: toolVersion, informationURI: informationURI).render(diagnostics)
        }
    }
}
