import FlowSyntax
@testable import FlowRuntime
import TestSupport
import Testing

/// The remembered window answers are the ones the calendar gives, for clocks that move forward
/// (as replay's does) and now and then jump back, across DST changes, wrapping hours, and clocks
/// that fell back across midnight.
@Suite struct WindowMemoTests {
    let windows = [
        DeliveryWindow(hours: DeliveryWindow.parseHours("08:00-21:00"), days: nil),
        DeliveryWindow(hours: DeliveryWindow.parseHours("22:00-02:30"), days: [.fri, .sat]),
        DeliveryWindow(hours: DeliveryWindow.parseHours("02:15-03:45"), days: [.sun]), // inside DST changes
        DeliveryWindow(hours: nil, days: [.mon, .wed]),
        DeliveryWindow(hours: nil, days: [.sun]),
    ]

    func check(zones: [Zone], from start: String, steps: Int, seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var memo = WindowMemo()
        var clock = instant(start)
        for _ in 0..<steps {
            if random.chance(1) {
                clock -= Int64(random.index(below: 86_400_000)) // back by up to a day
            } else {
                clock += Int64(random.index(below: 1_800_000)) // on by up to half an hour
            }
            let flow = random.index(below: windows.count)
            let zone = zones[random.index(below: zones.count)]
            let expected = zone.nextOpening(windows[flow], atOrAfter: clock)
            #expect(memo.nextOpening(flow: flow, windows[flow], in: zone, atOrAfter: clock) == expected,
                    "\(zone.name) window \(flow) at \(clock)")
        }
    }

    @Test func answersAsTheCalendarDoes() {
        let zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "UTC"].map(zone)
        check(zones: zones, from: "2026-03-20T00:00:00Z", steps: 30_000, seed: 17)
    }

    /// St. John's fell back at 00:01 until 2011: on 2005-10-30, Sunday 00:00:59 was followed by
    /// Saturday 23:01, so an instant later in a stretch can be on an earlier local day, and one
    /// on the repeated Saturday hour comes after Sunday began.
    @Test func answersAsTheCalendarDoesWhereClocksFellBackAcrossMidnight() {
        let stJohns = zone("America/St_Johns")
        let sundays = DeliveryWindow(hours: nil, days: [.sun])
        var memo = WindowMemo()
        for time in ["2005-10-30T02:20:00Z", "2005-10-30T02:40:00Z", "2005-10-30T03:20:00Z", "2005-10-30T12:00:00Z",
                     "2005-10-31T02:40:00Z", "2005-10-30T02:20:00Z", "2005-10-30T02:50:00Z"] {
            #expect(memo.nextOpening(flow: 0, sundays, in: stJohns, atOrAfter: instant(time))
                == stJohns.nextOpening(sundays, atOrAfter: instant(time)), "\(time)")
        }
        check(zones: [stJohns], from: "2005-10-29T20:00:00Z", steps: 5_000, seed: 23)
    }
}
