import FlowCheck
import FlowScenarios
import FlowSyntax
import Testing

/// A small in-memory project: a cart flow with a one-hour wait, a reminder and an A/B
/// discount, and whatever scenario file a test adds.
enum ScenarioFixture {
    static let flow = """
    flow: cart
    trigger:
      event: Checkout Started
    goal:
      event: Order Completed
    steps:
      - wait: 1h
      - id: reminder
        send: reminder
      - wait: 1d
      - id: discount
        send:
          variants:
            - { template: ten, weight: 50 }
            - { template: free, weight: 50 }
      - update: { stage: done }
    """

    static func template(_ subject: String) -> String {
        "subject: \(subject)\ntext: |\n  Hi\n  {{unsubscribe_url}}\n"
    }

    static func project(scenario: String, settings: String = "timezone: Europe/Berlin\n") -> Project {
        ProjectLoader.load(directory: "p", files: [
            "flowc.yaml": settings,
            "cart.flow.yaml": flow,
            "cart.test.yaml": scenario,
            "templates/reminder.email.yaml": template("Your cart"),
            "templates/ten.email.yaml": template("10% off"),
            "templates/free.email.yaml": template("Free shipping"),
        ])
    }

    /// Runs the scenarios of a project that must check without errors.
    static func run(_ scenario: String) throws -> [ScenarioResult] {
        let project = project(scenario: scenario)
        let errors = Checker.check(project).filter { $0.severity == .error }
        try #require(errors.isEmpty, "\(errors.map { "\($0.code) \($0.span): \($0.message)" })")
        return ScenarioRunner(project: project).runAll()
    }

    /// The codes `flowc check` reports for a scenario file, in output order.
    static func codes(_ scenario: String) -> [String] {
        Checker.check(project(scenario: scenario)).map(\.code)
    }
}
