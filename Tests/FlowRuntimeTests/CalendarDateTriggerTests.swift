import FlowSyntax
import Testing
@testable import FlowRuntime

@Suite struct CalendarDateTriggerTests {
    let berlin = zone("Europe/Berlin")

    func firing(
        _ value: String, _ repeats: DateTrigger.Repeat = .yearly, offset: Int = 0, at: String = "09:00",
        in zone: Zone = .utc, after: String, last: String? = nil
    ) -> DateFiring? {
        zone.nextDateFiring(traitValue: value, repeats: repeats, offsetDays: offset, at: time(at),
                            after: instant(after), lastOccurrence: last.map(date))
    }

    @Test func yearlyBirthdayLaterThisYear() {
        let next = firing("1990-05-17", in: berlin, after: "2026-03-01T09:00:00Z")
        #expect(next == DateFiring(instant: instant("2026-05-17T07:00:00Z"), occurrence: date("2026-05-17")))
        #expect(next?.occurrence.description == "2026-05-17")
    }

    @Test func yearlyBirthdayAlreadyPastThisYear() {
        #expect(firing("1990-05-17", in: berlin, after: "2026-06-01T00:00:00Z")
            == DateFiring(instant: instant("2027-05-17T07:00:00Z"), occurrence: date("2027-05-17")))
        // Strictly after: set at the very instant of this year's firing.
        #expect(firing("1990-05-17", in: berlin, after: "2026-05-17T07:00:00Z")?.instant == instant("2027-05-17T07:00:00Z"))
        #expect(firing("1990-05-17", in: berlin, after: "2026-05-17T06:59:59.999Z")?.instant == instant("2026-05-17T07:00:00Z"))
    }

    @Test func negativeOffsetCrossesTheYearBoundary() {
        // A week before January 3rd 2027 is December 27th 2026; the occurrence stays 2027-01-03.
        #expect(firing("01-03", offset: -7, after: "2026-12-01T00:00:00Z")
            == DateFiring(instant: instant("2026-12-27T09:00:00Z"), occurrence: date("2027-01-03")))
        #expect(firing("2000-01-03", offset: -7, after: "2026-12-28T00:00:00Z")
            == DateFiring(instant: instant("2027-12-27T09:00:00Z"), occurrence: date("2028-01-03")))
        // Positive offsets cross it the other way.
        #expect(firing("12-30", offset: 5, at: "10:30", after: "2026-01-01T00:00:00Z")
            == DateFiring(instant: instant("2026-01-04T10:30:00Z"), occurrence: date("2025-12-30")))
    }

    @Test func leapDayBecomesFebruary28InOtherYears() {
        #expect(firing("2000-02-29", after: "2026-01-01T00:00:00Z")
            == DateFiring(instant: instant("2026-02-28T09:00:00Z"), occurrence: date("2026-02-28")))
        #expect(firing("02-29", after: "2027-06-01T00:00:00Z")
            == DateFiring(instant: instant("2028-02-29T09:00:00Z"), occurrence: date("2028-02-29")))
        // The Feb 29 rule applies before the offset.
        #expect(firing("2000-02-29", offset: 1, after: "2026-01-01T00:00:00Z")
            == DateFiring(instant: instant("2026-03-01T09:00:00Z"), occurrence: date("2026-02-28")))
        #expect(firing("2000-02-29", offset: 1, after: "2028-01-01T00:00:00Z")
            == DateFiring(instant: instant("2028-03-01T09:00:00Z"), occurrence: date("2028-02-29")))
    }

    @Test func onceFiresOnTheFullDatePlusOffset() {
        #expect(firing("2026-12-24", .once, offset: -1, in: berlin, after: "2026-06-01T00:00:00Z")
            == DateFiring(instant: instant("2026-12-23T08:00:00Z"), occurrence: date("2026-12-24")))
        #expect(firing("2025-01-01", .once, after: "2026-06-01T00:00:00Z") == nil) // in the past
        #expect(firing("2026-06-01", .once, after: "2026-06-01T09:00:00Z") == nil) // not strictly after
        #expect(firing("2026-06-01", .once, after: "2026-06-01T08:59:59Z")?.instant == instant("2026-06-01T09:00:00Z"))
        #expect(firing("12-24", .once, after: "2026-06-01T00:00:00Z") == nil) // needs a year
        // After its firing, nothing more.
        #expect(firing("2026-12-24", .once, after: "2026-12-24T09:00:00Z", last: "2026-12-24") == nil)
    }

    @Test(arguments: ["", "1990-13-01", "2023-02-29", "02-30", "13-01", "00-10", "1990/05/17", "5-17", "05-7",
                      "tomorrow", "1990-05-17T00:00:00Z", " 05-17", "2026-5-17"])
    func invalidValuesNeverFire(value: String) {
        #expect(firing(value, after: "2026-01-01T00:00:00Z") == nil)
        #expect(firing(value, .once, after: "2026-01-01T00:00:00Z") == nil)
    }

    @Test func nextFiringAfterAFiring() {
        #expect(firing("1990-05-17", in: berlin, after: "2026-05-17T07:00:00Z", last: "2026-05-17")
            == DateFiring(instant: instant("2027-05-17T07:00:00Z"), occurrence: date("2027-05-17")))
        // The contact moved from Berlin to Los Angeles after this year's firing: 09:00 in
        // Los Angeles is still ahead, but the 2026 occurrence has fired already.
        let losAngeles = zone("America/Los_Angeles")
        #expect(firing("1990-05-17", in: losAngeles, after: "2026-05-17T07:00:00Z")?.instant
            == instant("2026-05-17T16:00:00Z"))
        #expect(firing("1990-05-17", in: losAngeles, after: "2026-05-17T07:00:00Z", last: "2026-05-17")
            == DateFiring(instant: instant("2027-05-17T16:00:00Z"), occurrence: date("2027-05-17")))
    }

    @Test func firesAtLocalTimeAcrossDST() {
        // 02:30 on Berlin's spring-forward day moves forward to 03:30 CEST.
        #expect(firing("03-29", at: "02:30", in: berlin, after: "2026-01-01T00:00:00Z")?.instant
            == instant("2026-03-29T01:30:00Z"))
    }
    /// `nextDateFiring` against a plain search over the years, in zones with large offsets and
    /// a day skipped (Apia, December 2011), for `at` at both ends of the day and offsets of a few
    /// days: its shortcut for early years never changes the answer.
    @Test func agreesWithASearchOverEveryYear() {
        let zones = ["Pacific/Apia", "Pacific/Kiritimati", "Etc/GMT+12", "America/New_York", "UTC"].map(zone)
        let afters = ["2011-12-26T00:00:00Z", "2011-12-29T10:00:00Z", "2011-12-30T10:00:00Z", "2011-12-31T23:00:00Z",
                      "2026-02-27T12:00:00Z", "2026-12-30T11:30:00Z"].map(instant)
        for zone in zones {
            for after in afters {
                for value in ["12-29", "12-30", "12-31", "01-01", "02-29", "1990-03-01"] {
                    for offset in [-3, -1, 0, 1, 2, 3] {
                        for at in ["00:00", "23:59"].map(time) {
                            let expected = searchEveryYear(value, offset: offset, at: at, in: zone, after: after)
                            let found = zone.nextDateFiring(traitValue: value, repeats: .yearly, offsetDays: offset, at: at, after: after)
                            #expect(found == expected, "\(zone) \(value) \(offset)d \(at) after \(after)")
                        }
                    }
                }
            }
        }
    }

    /// The first yearly firing after `after`, trying every year from five before it.
    private func searchEveryYear(_ value: String, offset: Int, at: TimeOfDay, in zone: Zone, after: Int64) -> DateFiring? {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        let (month, day) = (parts[parts.count - 2], parts[parts.count - 1])
        let year = CivilDate(daysSinceEpoch: Int(after / 86_400_000)).year
        for candidate in year - 5...year + 5 {
            let leapDayMissing = month == 2 && day == 29 && !CivilDate.isLeapYear(candidate)
            let occurrence = CivilDate(year: candidate, month: month, day: leapDayMissing ? 28 : day)
            let firing = zone.utc(for: CivilDate(daysSinceEpoch: occurrence.daysSinceEpoch + offset), at: at.minutes)
            if firing > after { return DateFiring(instant: firing, occurrence: occurrence) }
        }
        return nil
    }
}
