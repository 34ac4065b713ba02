import FlowSyntax
import Testing
@testable import FlowIR

/// `CompiledProject.eventRoutes` (what replay does with each event name) and
/// `eventsReadingProperties` (the events whose properties replay may read).
@Suite struct EventRouteTests {
    static let project = ProjectLoader.load(directory: "p", files: [
        "cart.flow.yaml": """
            flow: cart
            trigger: { event: Checkout Started }
            goal: { event: Order Completed }
            exit: [{ event: Account Closed }]
            steps:
              - wait_for: { event: Coupon Applied, within: 1d, then: end, timeout: end }
            """,
        "lapsed.flow.yaml": """
            flow: lapsed
            trigger: { inactivity: { event: App Opened, for: 30d } }
            steps: [{ wait: 1h }]
            """,
        "birthday.flow.yaml": """
            flow: birthday
            trigger: { date: contact.birthday, at: "10:00" }
            steps: [{ wait: 1h }]
            """,
        "count.flow.yaml": """
            flow: loyal
            trigger: { event: Order Completed, where: 'count("Order Completed", 30d) >= 3' }
            steps: [{ wait: 1h }]
            """,
    ])

    @Test func routesTellWhichFlowsAnEventTriggersAndWhichWatchIt() throws {
        #expect(Self.project.diagnostics.isEmpty, "\(Self.project.diagnostics)")
        let compiled = IRCompiler.compile(Self.project)
        // Flows in id order: birthday 0, cart 1, lapsed 2, loyal 3.
        #expect(compiled.flows.map(\.id) == ["birthday", "cart", "lapsed", "loyal"])
        let routes = compiled.eventRoutes
        #expect(routes["Checkout Started"]?.triggeredFlows == [1])
        #expect(routes["Order Completed"]?.triggeredFlows == [3])
        #expect(routes["Order Completed"]?.observedBy == [false, true, false, false])
        let thirtyDays: Int64 = 30 * 86_400_000
        #expect(routes["Order Completed"]?.history?.window == thirtyDays)
        #expect(routes["Account Closed"]?.observedBy == [false, true, false, false])
        #expect(routes["Coupon Applied"]?.observedBy == [false, true, false, false])
        #expect(routes["App Opened"]?.triggeredFlows == [2])
        #expect(routes["App Opened"]?.history == nil)
        #expect(routes["Unsubscribed"]?.feedback == .unsubscribed)
        #expect(routes["Email Opened"]?.feedback == .opened)
        #expect(routes["Unsubscribed"]?.triggeredFlows == [])
        #expect(routes["Product Viewed"] == nil)
    }

    @Test func namesTriggersWatchersGoalsExitsWaitForsAndFeedback() throws {
        let names = IRCompiler.compile(Self.project).eventsReadingProperties
        #expect(names == [
            "Checkout Started", "Order Completed", "Account Closed", "Coupon Applied", "App Opened",
            "Email Bounced", "Email Opened", "Email Link Clicked",
        ])
        #expect(!names.contains("Product Viewed"))
    }
}
