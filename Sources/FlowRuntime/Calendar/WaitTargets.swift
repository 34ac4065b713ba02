import FlowSyntax

/// Resume instants of the calendar-based `wait` forms (spec 2.3), in a contact's zone.
extension Zone {
    /// `wait: {until: time, on: days}`: the first instant strictly after `now` at which the local
    /// time is `time` on one of `days` (nil: any day). A time in a spring-forward gap counts as
    /// the moved-forward instant. Nil only for an empty `days`.
    public func untilTarget(_ time: TimeOfDay, on days: Set<Weekday>?, after now: Int64) -> Int64? {
        let today = local(now).day
        for day in today...today + 8 where days?.contains(Weekday.of(day: day)) ?? true {
            let candidate = utc(localDay: day, minutes: time.minutes)
            if candidate > now { return candidate }
        }
        return nil
    }

    /// `wait: {days: n, at: time}`: the local date of `now` plus `days`, at `time`; if that is
    /// not after `now`, one day later.
    public func calendarTarget(days: Int, at time: TimeOfDay, after now: Int64) -> Int64 {
        let day = InstantRange.add(local(now).day, days)
        let candidate = utc(localDay: day, minutes: time.minutes)
        return candidate > now ? candidate : utc(localDay: InstantRange.add(day, 1), minutes: time.minutes)
    }

    /// Local midnight of `date`, the instant a `YYYY-MM-DD` date stands for in `wait: {date}`.
    public func localMidnight(_ date: CivilDate) -> Int64 {
        utc(for: date, at: 0)
    }
}
