import FlowSyntax

/// Delivery windows (spec 2.4, 4.5) in a contact's zone.
///
/// Each local day listed in `days` opens the window for one interval of instants: from the local
/// start time to the local end time, on the next day when the hours wrap past midnight (a window
/// belongs to the day it opens). Local times are turned into instants with the rules of 4.5, so
/// on a spring-forward day a window opening at 02:30 opens at the moved-forward instant, and a
/// repeated hour counts once, at its first occurrence.
extension Zone {
    /// Whether mail may be sent at `instant`; a nil window is always open.
    public func isOpen(_ window: DeliveryWindow?, at instant: Int64) -> Bool {
        guard let window else { return true }
        return openInterval(window, containing: instant) != nil
    }

    /// The first instant at or after `instant` at which the window is open (where a send
    /// outside the window is postponed to); nil only for an empty window (equal start and end,
    /// or no days), which the checker rejects (FC205).
    public func nextOpening(_ window: DeliveryWindow?, atOrAfter instant: Int64) -> Int64? {
        guard let window else { return instant }
        return windowSpan(window, containing: instant).map { $0.opening ?? instant }
    }

    /// A stretch of instants from (or around) `instant` over which `nextOpening` gives one
    /// answer: the open interval holding `instant` (`opening` nil: every instant is itself its
    /// opening), or from `instant` up to the next opening (`opening` is that instant). Nil for an
    /// empty window.
    func windowSpan(_ window: DeliveryWindow, containing instant: Int64) -> (span: Range<Int64>, opening: Int64?)? {
        if let open = openInterval(window, containing: instant) { return (open, nil) }
        let today = local(instant).day
        for day in today - 1...today + 8 {
            // Openings grow with the day (by a day, give or take a DST shift): the first one after
            // `instant` is the earliest, and the window is shut from `instant` until then.
            if let interval = openInterval(window, openingOn: day), interval.lowerBound > instant {
                return (instant..<interval.lowerBound, interval.lowerBound)
            }
        }
        return nil
    }

    /// The open interval holding `instant`, if the window is open then.
    private func openInterval(_ window: DeliveryWindow, containing instant: Int64) -> Range<Int64>? {
        let today = local(instant).day
        let wraps = window.hours.map { $0.start > $0.end } ?? false
        for day in (wraps ? today - 1 : today)...today {
            if let interval = openInterval(window, openingOn: day), interval.contains(instant) { return interval }
        }
        return nil
    }

    /// The instants during which the window opened on local `day` is open; nil when that day
    /// does not open it.
    private func openInterval(_ window: DeliveryWindow, openingOn day: Int) -> Range<Int64>? {
        guard window.opens(on: Weekday.of(day: day)) else { return nil }
        let start: Int64, end: Int64
        if let hours = window.hours {
            guard hours.start != hours.end else { return nil }
            start = utc(localDay: day, minutes: hours.start.minutes)
            end = utc(localDay: hours.start < hours.end ? day : day + 1, minutes: hours.end.minutes)
        } else {
            start = utc(localDay: day, minutes: 0)
            end = utc(localDay: day + 1, minutes: 0)
        }
        return start < end ? start..<end : nil
    }
}
