import FlowRuntime
import FlowSyntax
import Testing
@testable import FlowReport

private let experiment = """
flow: promo
trigger: { event: Go }
goal: { event: Order Completed }
steps:
  - id: route
    split:
      - { weight: 50, goto: offer }
      - { weight: 50, goto: end }
  - id: offer
    send:
      variants:
        - { template: hello, weight: 50 }
        - { template: other, weight: 50 }

"""

@Suite("Report: A/B variants and holdouts")
struct ReportExperimentTests {
    typealias H = ReportHarness

    /// 40 contacts enter; each one buys 1 day later when its index is even.
    static func run() -> (ProjectReport, contacts: [String]) {
        let contacts = (0..<40).map { "c\($0)" }
        var events = contacts.map { H.identify($0) }
        events += contacts.map { H.track($0, "Go", at: H.time(day: 0)) }
        events += contacts.enumerated().filter { $0.offset % 2 == 0 }.map {
            H.track($0.element, "Order Completed", at: H.time(day: 1), [("revenue", H.number(10))])
        }
        let flows = ["promo.flow.yaml": experiment, "templates/other.email.yaml": H.template]
        return (H.report(flows: flows, events: events), contacts)
    }

    @Test("split options count entries by bucket and goal events within the window; the lift is against the holdout")
    func holdout() throws {
        let (report, contacts) = Self.run()
        // Expected by the bucket rule of spec 4.7, computed independently of the report.
        let holdout = contacts.enumerated().filter { Bucket.of(flow: "promo", step: "route", contact: $0.element) >= 50 }
        let split = try #require(H.flow(report, "promo")?.splits.first)
        #expect(split.options.map(\.target) == ["offer", "end"])
        #expect(split.options.map(\.isHoldout) == [false, true])
        #expect(split.options[1].entered == holdout.count)
        #expect(split.options[0].entered == 40 - holdout.count)
        #expect(split.options[1].converted == holdout.filter { $0.offset % 2 == 0 }.count)
        #expect(split.options[0].converted == 20 - split.options[1].converted)
        let lift = try #require(split.comparisons.first)
        #expect(split.comparisons.count == 1)
        #expect(lift.baseline == "goto end" && lift.treatment == "goto offer" && lift.metric == "conversion_rate")
        #expect(lift.verdict == .notEnoughData)
        #expect(lift.test?.treatment == .init(successes: split.options[0].converted, trials: split.options[0].entered))
    }

    @Test("A/B variants split the step's sends and are compared on open, click and conversion rate")
    func variants() throws {
        let (report, contacts) = Self.run()
        let treated = contacts.enumerated().filter { Bucket.of(flow: "promo", step: "route", contact: $0.element) < 50 }
        let other = treated.filter { Bucket.of(flow: "promo", step: "offer", contact: $0.element) >= 50 }
        let step = try #require(H.step(report, "promo", "offer"))
        #expect(step.mail.sent == treated.count)
        #expect(step.variants.map(\.template) == ["hello", "other"])
        #expect(step.variants[1].mail.sent == other.count)
        #expect(step.variants[0].mail.sent == treated.count - other.count)
        // Every even contact bought a day after its only message: conversions follow the variant.
        #expect(step.variants[1].mail.conversions == other.filter { $0.offset % 2 == 0 }.count)
        #expect(step.comparisons.map(\.metric) == ["open_rate", "click_rate", "conversion_rate"])
        #expect(step.comparisons.allSatisfy { $0.verdict == .notEnoughData && $0.baseline == "hello" && $0.treatment == "other" })
    }
}
