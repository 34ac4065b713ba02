/// The output formats of `flowc test --format`.
public enum ScenarioReportFormat: String, CaseIterable, Sendable {
    case text, json, junit

    /// Renders the results of a test run in this format, ending with a newline.
    public func render(_ results: [ScenarioResult]) -> String {
        switch self {
        case .text: ScenarioTextRenderer.render(results)
        case .json: ScenarioJSONRenderer.render(results)
        case .junit: JUnitRenderer.render(results)
        }
    }
}
