import FlowSyntax

/// One firing of a date trigger (spec 2.1).
public struct DateFiring: Hashable, Sendable {
    /// When it fires, milliseconds since the epoch.
    public var instant: Int64
    /// The trait's month and day in the firing year, after the Feb 29 rule and before the
    /// offset: the `properties.date` of the synthetic trigger event (`description` gives
    /// `YYYY-MM-DD`).
    public var occurrence: CivilDate

    public init(instant: Int64, occurrence: CivilDate) {
        self.instant = instant
        self.occurrence = occurrence
    }
}

extension Zone {
    /// The next firing of a date trigger whose trait holds `traitValue` (`YYYY-MM-DD`, or
    /// `MM-DD` for yearly): the first firing strictly after `after` whose occurrence is later
    /// than `lastOccurrence`. For the first firing pass the time the trait was set and nil; after
    /// a firing, pass its instant and occurrence (so an occurrence never fires twice, even when
    /// a timezone change would place it again).
    ///
    /// Yearly: the trait's month and day each year (Feb 29 becomes Feb 28 in non-leap years;
    /// the year of a full date is ignored), shifted by `offsetDays`, at local `time`. Once: the
    /// full date plus `offsetDays` (`MM-DD` cannot fire once). Nil for an invalid value and when
    /// no firing is left.
    public func nextDateFiring(
        traitValue: String, repeats: DateTrigger.Repeat, offsetDays: Int, at time: TimeOfDay,
        after: Int64, lastOccurrence: CivilDate? = nil
    ) -> DateFiring? {
        guard let trait = TraitDate(traitValue) else { return nil }
        let offsetDays = InstantRange.clampDay(offsetDays)
        switch repeats {
        case .once:
            guard let date = trait.fullDate, lastOccurrence.map({ date > $0 }) ?? true else { return nil }
            let instant = utc(localDay: InstantRange.add(date.daysSinceEpoch, offsetDays), minutes: time.minutes)
            return instant > after ? DateFiring(instant: instant, occurrence: date) : nil
        case .yearly:
            // Occurrences and their instants both grow with the year, so the first year meeting
            // both bounds is the answer; an offset moves the firing by at most |offset| / 365 + 1 years.
            let afterDay = local(after).day
            let afterYear = CivilDate(daysSinceEpoch: afterDay).year
            let firstYear = max(afterYear - offsetDays / 365 - 2, lastOccurrence?.year ?? .min)
            for year in firstYear...firstYear + 8 {
                let occurrence = trait.occurrence(in: year)
                if let lastOccurrence, occurrence <= lastOccurrence { continue }
                let day = InstantRange.add(occurrence.daysSinceEpoch, offsetDays)
                // A firing three local days or more before `after`'s local day reads more than 48
                // hours earlier on the same zone's clock, and a zone's offsets differ by less than
                // that (26 hours at most): it is before `after`, skipped without a zone look-up.
                if day < afterDay - 2 { continue }
                let instant = utc(localDay: day, minutes: time.minutes)
                if instant > after { return DateFiring(instant: instant, occurrence: occurrence) }
            }
            return nil
        }
    }
}

/// A date trait's value: `YYYY-MM-DD` or `MM-DD`.
private struct TraitDate {
    var month: Int
    var day: Int
    /// Set for `YYYY-MM-DD`.
    var fullDate: CivilDate?

    init?(_ text: String) {
        if let date = CivilDate.parse(text) {
            (month, day, fullDate) = (date.month, date.day, date)
            return
        }
        // `MM-DD`: any day that exists in some year (Feb 29 included).
        guard text.utf8.count == 5, let date = CivilDate.parse("2000-" + text) else { return nil }
        (month, day, fullDate) = (date.month, date.day, nil)
    }

    /// This month and day in `year`, with Feb 29 as Feb 28 in non-leap years.
    func occurrence(in year: Int) -> CivilDate {
        let leapDayMissing = month == 2 && day == 29 && !CivilDate.isLeapYear(year)
        return CivilDate(year: year, month: month, day: leapDayMissing ? 28 : day)
    }
}
