import FlowSyntax
@testable import FlowRuntime
import TestSupport
import Testing

/// The remembered window answers are the ones the calendar gives, for clocks that mostly move
/// forward (as replay's does) and sometimes jump back, across DST changes and wrapping hours.
@Suite struct WindowMemoTests {
    @Test func answersAsTheCalendarDoes() {
        let zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "UTC"].map(zone)
        let windows = [
            DeliveryWindow(hours: DeliveryWindow.parseHours("08:00-21:00"), days: nil),
            DeliveryWindow(hours: DeliveryWindow.parseHours("22:00-02:30"), days: [.fri, .sat]),
            DeliveryWindow(hours: DeliveryWindow.parseHours("02:15-03:45"), days: [.sun]), // inside DST changes
            DeliveryWindow(hours: nil, days: [.mon, .wed]),
        ]
        var random = SeededGenerator(seed: 17)
        var memo = WindowMemo()
        var clock = instant("2026-03-20T00:00:00Z")
        for _ in 0..<30_000 {
            clock += random.chance(5) ? -Int64(random.index(below: 200_000_000)) : Int64(random.index(below: 3_000_000))
            let flow = random.index(below: windows.count)
            let zone = zones[random.index(below: zones.count)]
            let expected = zone.nextOpening(windows[flow], atOrAfter: clock)
            #expect(memo.nextOpening(flow: flow, windows[flow], in: zone, atOrAfter: clock) == expected,
                    "\(zone.name) window \(flow) at \(clock)")
        }
    }
}
