import FlowRuntime
import FlowSyntax
import Testing
@testable import FlowReport

private let news = "flow: news\ntrigger: { event: Go }\nsteps:\n  - id: note\n    send: hello\n"

@Suite("Report: mail feedback and revenue")
struct ReportFeedbackTests {
    typealias H = ReportHarness

    @Test("a bounce then an open; repeated opens count once; unknown ids are counted apart")
    func bounceThenOpen() throws {
        // a: soft bounce, then opened twice, then clicked → soft 1, delivered 1 (engagement), open 1, click 1.
        // b: bounce without type (hard), Email Delivered never → hard 1, delivered 0.
        // c: delivered, opened, unsubscribed, marked as spam.
        // one Email Opened names an id no message has → unmatched 1.
        let t = H.time(day: 0, milliseconds: 60_000)
        let events = ["a", "b", "c"].flatMap { [H.identify($0), H.track($0, "Go", at: H.time(day: 0))] } + [
            H.feedback("a", "Email Bounced", flow: "news", step: "note", at: t, [("type", .string("soft"))]),
            H.feedback("a", "Email Opened", flow: "news", step: "note", at: t + 1),
            H.feedback("a", "Email Opened", flow: "news", step: "note", at: t + 2),
            H.feedback("a", "Email Link Clicked", flow: "news", step: "note", at: t + 3),
            H.feedback("b", "Email Bounced", flow: "news", step: "note", at: t),
            H.feedback("c", "Email Delivered", flow: "news", step: "note", at: t),
            H.feedback("c", "Email Opened", flow: "news", step: "note", at: t + 1),
            H.feedback("c", "Unsubscribed", flow: "news", step: "note", at: t + 2),
            H.feedback("c", "Email Marked as Spam", flow: "news", step: "note", at: t + 3),
            H.track("c", "Email Opened", at: t + 4, [("email_id", .string("0123456789abcdef0123456789abcdef"))]),
        ]
        let report = H.report(flows: ["news.flow.yaml": news], events: events)
        let mail = try #require(H.step(report, "news", "note")).mail
        var expected = MailCounts()
        expected.sent = 3
        expected.delivered = 2
        expected.softBounces = 1
        expected.hardBounces = 1
        expected.uniqueOpens = 2
        expected.uniqueClicks = 1
        expected.unsubscribes = 1
        expected.spamComplaints = 1
        #expect(mail == expected)
        // Rates name their denominators: opens 2/3 sent, click-to-open 1/2 opens.
        #expect(mail.openRate == Rate(2, 3, of: "sent"))
        #expect(mail.clickToOpenRate == Rate(1, 2, of: "unique opens"))
        #expect(report.unmatchedFeedback == 1)
        #expect(report.totals == expected)
    }

    @Test("revenue from revenue, else total, else value, or a given path", arguments: [
        // (properties, path, expected revenue)
        ([("revenue", 10.0), ("total", 20.0), ("value", 30.0)], nil, 10.0),
        ([("total", 20.0), ("value", 30.0)], nil, 20.0),
        ([("value", 30.0)], nil, 30.0),
        ([("amount", 40.0), ("revenue", 10.0)], "properties.amount", 40.0),
        ([("revenue", 10.0)], "amount", 0.0),
    ] as [([(String, Double)], String?, Double)])
    func revenueProperty(_ properties: [(String, Double)], _ path: String?, _ expected: Double) throws {
        // One send at d0, then the goal an hour later carrying these properties.
        let goal = "flow: shop\ntrigger: { event: Go }\ngoal: { event: Order Completed }\nsteps:\n  - id: note\n    send: hello\n"
        let options = ReportOptions(revenuePath: try path.map { try #require(ReportOptions.revenuePath($0)) })
        let report = H.report(flows: ["shop.flow.yaml": goal], events: [
            H.identify("u"), H.track("u", "Go", at: H.time(day: 0)),
            H.track("u", "Order Completed", at: H.time(day: 0, milliseconds: 3_600_000), properties.map { ($0.0, H.number($0.1)) }),
        ], options: options)
        #expect(report.totals.conversions == 1)
        #expect(report.totals.revenue == expected)
        // The instance completed at its only send, before the goal: attribution does not need it running.
        #expect(H.flow(report, "shop")?.completed == 1 && H.flow(report, "shop")?.converted == 0)
    }

    @Test("revenue paths: nested objects and numeric strings; bad paths are refused")
    func revenuePaths() {
        let nested = PackedObject(Value.Object([("order", .object(Value.Object([("total", .string("12.5"))])))]))
        #expect(ReportOptions(revenuePath: ["order", "total"]).revenue(of: nested) == 12.5)
        #expect(ReportOptions.revenuePath("properties.order.total") == ["order", "total"])
        #expect(ReportOptions.revenuePath("order..total") == nil)
        #expect(ReportOptions.revenuePath("") == nil)
    }
}
