import FlowSyntax
import Testing
@testable import FlowIR

/// `CompiledProject.eventsReadingProperties`: the events whose properties replay may read.
@Suite struct EventsReadingPropertiesTests {
    @Test func namesTriggersWatchersGoalsExitsWaitForsAndFeedback() throws {
        let project = ProjectLoader.load(directory: "p", files: [
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
        ])
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        let names = IRCompiler.compile(project).eventsReadingProperties
        #expect(names == [
            "Checkout Started", "Order Completed", "Account Closed", "Coupon Applied", "App Opened",
            "Email Bounced", "Email Opened", "Email Link Clicked",
        ])
        #expect(!names.contains("Product Viewed"))
    }
}
