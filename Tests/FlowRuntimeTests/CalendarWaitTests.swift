import FlowSyntax
import Testing
@testable import FlowRuntime

@Suite struct CalendarWaitTests {
    let berlin = zone("Europe/Berlin")

    // 2026-06-10 is a Wednesday; Berlin is at +02:00 (09:00 local = 07:00Z).
    @Test(arguments: [
        ("2026-06-10T06:59:59.999Z", nil, "2026-06-10T07:00:00Z"),
        ("2026-06-10T07:00:00Z", nil, "2026-06-11T07:00:00Z"), // exactly 09:00: strictly after → next day
        ("2026-06-10T07:00:00.001Z", nil, "2026-06-11T07:00:00Z"),
        ("2026-06-10T05:00:00Z", [Weekday.mon], "2026-06-15T07:00:00Z"),
        ("2026-06-10T07:00:00Z", [.wed], "2026-06-17T07:00:00Z"),
        ("2026-06-10T06:00:00Z", [.wed], "2026-06-10T07:00:00Z"),
        ("2026-06-10T08:00:00Z", [.thu, .tue], "2026-06-11T07:00:00Z"),
        ("2026-06-13T12:00:00Z", [.mon, .tue, .wed, .thu, .fri], "2026-06-15T07:00:00Z"),
    ] as [(String, Set<Weekday>?, String)])
    func untilNextLocalTime(now: String, days: Set<Weekday>?, expected: String) {
        #expect(berlin.untilTarget(time("09:00"), on: days, after: instant(now)) == instant(expected))
    }

    @Test func untilUsesTheContactsLocalWeekday() {
        // 2026-06-14 23:30Z is Sunday in UTC but Monday 05:15 in Kathmandu.
        let kathmandu = zone("Asia/Kathmandu")
        #expect(kathmandu.untilTarget(time("09:00"), on: [.mon], after: instant("2026-06-14T23:30:00Z"))
            == instant("2026-06-15T03:15:00Z"))
        #expect(Zone.utc.untilTarget(time("09:00"), on: [.mon], after: instant("2026-06-14T23:30:00Z"))
            == instant("2026-06-15T09:00:00Z"))
    }

    @Test func untilAcrossDSTChanges() {
        // 02:30 on the spring-forward day does not exist: the moved-forward instant (03:30 CEST).
        #expect(berlin.untilTarget(time("02:30"), on: nil, after: instant("2026-03-28T23:00:00Z"))
            == instant("2026-03-29T01:30:00Z"))
        // 09:00 the day after the change is 23 hours after 09:00 the day before.
        #expect(berlin.untilTarget(time("09:00"), on: nil, after: instant("2026-03-28T08:00:00Z"))
            == instant("2026-03-29T07:00:00Z"))
        // On the fall-back day 02:30 happens twice; the wait resumes at the first.
        #expect(berlin.untilTarget(time("02:30"), on: nil, after: instant("2026-10-24T22:00:00Z"))
            == instant("2026-10-25T00:30:00Z"))
        // Already past the first 02:30: the second one is not a new target; next is the next day.
        #expect(berlin.untilTarget(time("02:30"), on: nil, after: instant("2026-10-25T00:30:00Z"))
            == instant("2026-10-26T01:30:00Z"))
    }

    @Test func untilWithNoDaysNeverResumes() {
        #expect(berlin.untilTarget(time("09:00"), on: [], after: instant("2026-06-10T00:00:00Z")) == nil)
    }

    // Entries at 14:00 and 16:00 local on 2026-06-10 (12:00Z, 14:00Z).
    @Test(arguments: [
        ("2026-06-10T12:00:00Z", 0, "2026-06-10T13:00:00Z"), // 14:00, {days: 0, at: 15:00} → today 15:00
        ("2026-06-10T14:00:00Z", 0, "2026-06-11T13:00:00Z"), // 16:00: today 15:00 is past → tomorrow
        ("2026-06-10T13:00:00Z", 0, "2026-06-11T13:00:00Z"), // exactly 15:00 is not after now
        ("2026-06-10T12:00:00Z", 1, "2026-06-11T13:00:00Z"),
        ("2026-06-10T14:00:00Z", 1, "2026-06-11T13:00:00Z"),
        ("2026-06-10T14:00:00Z", 7, "2026-06-17T13:00:00Z"),
        ("2026-06-09T22:30:00Z", 0, "2026-06-10T13:00:00Z"), // 00:30 local on the 10th
    ])
    func calendarWaits(now: String, days: Int, expected: String) {
        #expect(berlin.calendarTarget(days: days, at: time("15:00"), after: instant(now)) == instant(expected))
    }

    @Test func calendarWaitsKeepLocalTimeAcrossDST() {
        // 10:00 CET on Saturday → Sunday 09:00 CEST, 22 hours later.
        #expect(berlin.calendarTarget(days: 1, at: time("09:00"), after: instant("2026-03-28T09:00:00Z"))
            == instant("2026-03-29T07:00:00Z"))
        let newYork = zone("America/New_York")
        #expect(newYork.calendarTarget(days: 1, at: time("02:30"), after: instant("2026-03-07T17:00:00Z"))
            == instant("2026-03-08T07:30:00Z"))
    }

    @Test func localMidnights() {
        #expect(berlin.localMidnight(date("2026-03-29")) == instant("2026-03-28T23:00:00Z"))
        #expect(berlin.localMidnight(date("2026-03-30")) == instant("2026-03-29T22:00:00Z"))
        #expect(Zone.utc.localMidnight(date("2026-03-29")) == instant("2026-03-29T00:00:00Z"))
        // Havana springs forward at midnight: 00:00 does not exist, 01:00 CDT is the midnight.
        #expect(zone("America/Havana").localMidnight(date("2026-03-08")) == instant("2026-03-08T05:00:00Z"))
    }
}
