import FlowRuntime
import FlowSyntax
import Testing
@testable import FlowReport

/// Two sends a day apart; the goal is `Order Completed`. Default window: 5 days.
private let drip = """
flow: drip
trigger: { event: Go }
goal: { event: Order Completed }
steps:
  - id: first
    send: hello
  - wait: 1d
  - id: second
    send: hello

"""

@Suite("Report: last-touch attribution")
struct ReportAttributionTests {
    typealias H = ReportHarness

    @Test("a goal event exactly at the window's edge counts; one millisecond later does not")
    func windowEdge() throws {
        // edge: first at d0, second at d1 09:00; goal at d6 09:00 = second + 5d exactly → second.
        // late: the same, goal at d6 09:00:00.001 = second + 5d + 1ms → nothing (first is older still).
        let report = H.report(flows: ["drip.flow.yaml": drip], events: [
            H.identify("edge"), H.identify("late"),
            H.track("edge", "Go", at: H.time(day: 0)), H.track("late", "Go", at: H.time(day: 0)),
            H.track("edge", "Order Completed", at: H.time(day: 6), [("revenue", H.number(30))]),
            H.track("late", "Order Completed", at: H.time(day: 6, milliseconds: 1), [("revenue", H.number(99))]),
        ])
        let flow = try #require(H.flow(report, "drip"))
        // Both instances ran off the end at d1, before any goal: entered 2, completed 2, converted 0.
        #expect(flow.entered == 2 && flow.completed == 2 && flow.converted == 0 && flow.exited == 0)
        // 4 sends: 2 on 2026-03-02, 2 on 2026-03-03.
        #expect(flow.mail.sent == 4)
        #expect(flow.dailySends == [DailySends(day: "2026-03-02", sends: 2), DailySends(day: "2026-03-03", sends: 2)])
        // Flow: 1 conversion of 4 sent, revenue 30, revenue per recipient 30 / 4 = 7.5.
        #expect(flow.mail.conversions == 1 && flow.mail.conversionRate == Rate(1, 4, of: "sent"))
        #expect(flow.mail.revenue == 30 && flow.mail.revenuePerRecipient == 7.5)
        // Step second: 1 of 2 converted, revenue 30, per recipient 15. Step first: none.
        let second = try #require(H.step(report, "drip", "second"))
        #expect(second.mail.sent == 2 && second.mail.convertedRecipients == 1 && second.mail.revenue == 30)
        #expect(second.mail.conversionRate.value == 0.5 && second.mail.revenuePerRecipient == 15)
        #expect(H.step(report, "drip", "first")?.mail.conversions == 0)
    }

    @Test("two messages compete for one conversion: the latest before it wins; a send at the same instant is not before it")
    func competingMessages() throws {
        // both: first d0, second d1 09:00; goal at d2 (total 50) → second only (last touch).
        // tie: goal at d1 09:00 exactly, when second is sent by a timer → second is not strictly
        //      before the goal, so first gets it (value 7.5).
        let report = H.report(flows: ["drip.flow.yaml": drip], events: [
            H.identify("both"), H.identify("tie"),
            H.track("both", "Go", at: H.time(day: 0)), H.track("tie", "Go", at: H.time(day: 0)),
            H.track("tie", "Order Completed", at: H.time(day: 1), [("value", H.number(7.5))]),
            H.track("both", "Order Completed", at: H.time(day: 2), [("total", H.number(50))]),
        ])
        let first = try #require(H.step(report, "drip", "first"))
        let second = try #require(H.step(report, "drip", "second"))
        #expect(first.mail.conversions == 1 && first.mail.revenue == 7.5)
        #expect(second.mail.conversions == 1 && second.mail.revenue == 50)
        #expect(report.totals.conversions == 2 && report.totals.revenue == 57.5)
    }

    @Test("a goal event credits only mail of flows with that goal, within a custom window")
    func otherFlowsAndWindow() throws {
        let news = "flow: news\ntrigger: { event: Go }\nsteps:\n  - id: note\n    send: hello\n"
        // news (no goal) sends at d0 12:00, later than drip's first at d0 09:00; the goal at d0 18:00
        // goes to drip/first. With a 1h window nothing would be credited.
        let events = [
            H.identify("u"), H.track("u", "Start", at: H.time(day: 0)),
            H.track("u", "Go", at: H.time(day: 0, milliseconds: 3 * 3_600_000)),
            H.track("u", "Order Completed", at: H.time(day: 0, milliseconds: 9 * 3_600_000)),
        ]
        let flows = ["drip.flow.yaml": drip.replacingOccurrences(of: "event: Go", with: "event: Start"), "news.flow.yaml": news]
        let report = H.report(flows: flows, events: events)
        #expect(H.step(report, "drip", "first")?.mail.conversions == 1)
        #expect(H.step(report, "news", "note")?.mail.conversions == 0)
        let short = H.report(flows: flows, events: events, options: ReportOptions(attributionWindow: 3_600_000))
        #expect(short.totals.conversions == 0)
    }
}
