import FlowSyntax
import Testing
@testable import FlowRuntime

@Suite struct CalendarWindowTests {
    func window(_ hours: String?, _ days: Set<Weekday>?) -> DeliveryWindow {
        DeliveryWindow(hours: hours.flatMap(DeliveryWindow.parseHours), days: days)
    }

    // UTC; 2026-06-12 is a Friday.
    @Test(arguments: [
        ("2026-06-12T07:59:59.999Z", false), ("2026-06-12T08:00:00Z", true), // start inclusive
        ("2026-06-12T20:59:59.999Z", true), ("2026-06-12T21:00:00Z", false), // end exclusive
        ("2026-06-12T00:00:00Z", false), ("2026-06-12T12:00:00Z", true),
    ])
    func hoursAreHalfOpen(at: String, open: Bool) {
        #expect(Zone.utc.isOpen(window("08:00-21:00", nil), at: instant(at)) == open)
    }

    // Hours 22:00-02:00 on Fridays only: the window opened Friday night owns Saturday 00:00-02:00.
    @Test(arguments: [
        ("2026-06-12T01:00:00Z", false), // Friday 01:00 belongs to Thursday's (closed) window
        ("2026-06-12T21:59:59Z", false), ("2026-06-12T22:00:00Z", true),
        ("2026-06-13T00:00:00Z", true), ("2026-06-13T01:00:00Z", true), // Saturday 01:00
        ("2026-06-13T02:00:00Z", false), ("2026-06-13T22:30:00Z", false),
    ])
    func wrappingHoursBelongToTheOpeningDay(at: String, open: Bool) {
        #expect(Zone.utc.isOpen(window("22:00-02:00", [.fri]), at: instant(at)) == open)
    }

    @Test(arguments: [
        ("2026-06-12T23:59:59.999Z", false), ("2026-06-13T00:00:00Z", true),
        ("2026-06-14T23:59:59.999Z", true), ("2026-06-15T00:00:00Z", false),
    ])
    func daysWithoutHoursAreWholeDays(at: String, open: Bool) {
        #expect(Zone.utc.isOpen(window(nil, [.sat, .sun]), at: instant(at)) == open)
    }

    @Test(arguments: [
        // (window hours, days, send time, next opening)
        ("08:00-21:00", nil, "2026-06-12T07:00:00Z", "2026-06-12T08:00:00Z"),
        ("08:00-21:00", nil, "2026-06-12T08:00:00Z", "2026-06-12T08:00:00Z"), // open: at once
        ("08:00-21:00", nil, "2026-06-12T21:00:00Z", "2026-06-13T08:00:00Z"),
        // The spec's example window: Saturday 22:00 → Monday 08:00.
        ("08:00-21:00", [Weekday.mon, .tue, .wed, .thu, .fri, .sat], "2026-06-13T22:00:00Z", "2026-06-15T08:00:00Z"),
        ("22:00-02:00", [.fri], "2026-06-13T02:00:00Z", "2026-06-19T22:00:00Z"),
        ("22:00-02:00", [.fri], "2026-06-12T01:00:00Z", "2026-06-12T22:00:00Z"),
        ("22:00-02:00", [.fri], "2026-06-13T01:30:00Z", "2026-06-13T01:30:00Z"),
        (nil, [.sat, .sun], "2026-06-12T12:00:00Z", "2026-06-13T00:00:00Z"),
        (nil, [.sat, .sun], "2026-06-15T00:00:00Z", "2026-06-20T00:00:00Z"),
        ("09:00-10:00", [.thu], "2026-06-11T10:00:00Z", "2026-06-18T09:00:00Z"), // a full week ahead
    ] as [(String?, Set<Weekday>?, String, String)])
    func nextOpenings(hours: String?, days: Set<Weekday>?, at: String, expected: String) {
        let window = window(hours, days)
        let opening = Zone.utc.nextOpening(window, atOrAfter: instant(at))
        #expect(opening == instant(expected))
        #expect(opening.map { Zone.utc.isOpen(window, at: $0) } == true)
    }

    @Test func windowsUseLocalTimeAndWeekday() {
        let berlin = zone("Europe/Berlin")
        let weekdays = window("08:00-21:00", [.mon, .tue, .wed, .thu, .fri])
        // Friday 21:30Z is Friday 23:30 in Berlin; next opening Monday 08:00 CEST.
        #expect(berlin.nextOpening(weekdays, atOrAfter: instant("2026-06-12T21:30:00Z")) == instant("2026-06-15T06:00:00Z"))
        #expect(berlin.isOpen(weekdays, at: instant("2026-06-12T06:00:00Z")))
        #expect(!berlin.isOpen(weekdays, at: instant("2026-06-12T05:59:59Z")))
        // Monday 05:00Z is 10:45 in Kathmandu but Sunday 22:00 in Los Angeles.
        let monday = instant("2026-06-15T05:00:00Z")
        #expect(zone("Asia/Kathmandu").isOpen(weekdays, at: monday))
        #expect(!zone("America/Los_Angeles").isOpen(weekdays, at: monday))
    }

    @Test func windowsOnDSTDays() {
        let berlin = zone("Europe/Berlin")
        // Opening at 02:30 on the spring-forward day (2026-03-29) opens at the moved-forward
        // instant, 03:30 CEST.
        let early = window("02:30-06:00", nil)
        #expect(berlin.nextOpening(early, atOrAfter: instant("2026-03-28T23:30:00Z")) == instant("2026-03-29T01:30:00Z"))
        #expect(!berlin.isOpen(early, at: instant("2026-03-29T01:29:59Z")))
        #expect(berlin.isOpen(early, at: instant("2026-03-29T01:30:00Z")))
        #expect(berlin.isOpen(early, at: instant("2026-03-29T03:59:59Z")))
        #expect(!berlin.isOpen(early, at: instant("2026-03-29T04:00:00Z")))
        // The 08:00-21:00 window is 13 local hours every day, whatever the offset.
        let day = window("08:00-21:00", nil)
        #expect(berlin.nextOpening(day, atOrAfter: instant("2026-03-28T20:00:00Z")) == instant("2026-03-29T06:00:00Z"))
        #expect(berlin.nextOpening(day, atOrAfter: instant("2026-10-24T19:00:00Z")) == instant("2026-10-25T07:00:00Z"))
        // A repeated hour counts once, at its first occurrence: 02:00-02:45 on 2026-10-25.
        let repeated = window("02:00-02:45", nil)
        #expect(berlin.isOpen(repeated, at: instant("2026-10-25T00:30:00Z"))) // 02:30 CEST
        #expect(!berlin.isOpen(repeated, at: instant("2026-10-25T01:30:00Z"))) // 02:30 CET
    }

    @Test func noWindowIsAlwaysOpen() {
        #expect(Zone.utc.isOpen(nil, at: instant("2026-06-12T03:00:00Z")))
        #expect(Zone.utc.nextOpening(nil, atOrAfter: 12_345) == 12_345)
    }

    @Test func emptyWindowsNeverOpen() {
        #expect(Zone.utc.nextOpening(window("09:00-09:00", nil), atOrAfter: 0) == nil)
        #expect(Zone.utc.nextOpening(window("09:00-17:00", []), atOrAfter: 0) == nil)
        #expect(Zone.utc.nextOpening(window(nil, []), atOrAfter: 0) == nil)
        #expect(!Zone.utc.isOpen(window(nil, []), at: 0))
    }
}
