import Testing
@testable import FlowSyntax

@Suite struct ValueSyntaxTests {
    @Test(arguments: [
        ("90m", 90 * DurationSyntax.minute), ("1h30m", 90 * DurationSyntax.minute), ("2d", 2 * DurationSyntax.day),
        ("3w", 21 * DurationSyntax.day), ("P2D", 2 * DurationSyntax.day), ("PT1H30M", 90 * DurationSyntax.minute),
        ("P1W", DurationSyntax.week), ("0s", 0), ("45s", 45 * DurationSyntax.second),
    ])
    func parsesDurations(text: String, milliseconds: Int64) {
        #expect(DurationSyntax.parse(text) == milliseconds)
    }

    @Test(arguments: ["", "-1d", "1x", "h", "1h30", "P", "PT", "P1H", "PT1D", "1.5h", " 1h"])
    func rejectsInvalidDurations(text: String) {
        #expect(DurationSyntax.parse(text) == nil)
    }

    @Test func parsesSignedOffsets() {
        #expect(DurationSyntax.parseSigned("-7d") == -7 * DurationSyntax.day)
        #expect(DurationSyntax.parseSigned("+2d") == 2 * DurationSyntax.day)
    }

    @Test func civilDatesRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1).weekday == 3)
        #expect(CivilDate(year: 2026, month: 11, day: 22).weekday == 6)
        #expect(CivilDate.parse("2024-02-29") != nil)
        #expect(CivilDate.parse("2023-02-29") == nil)
    }

    @Test func civilDatesPrintAsIsoDatesAndParseBack() {
        #expect(CivilDate(year: 2026, month: 3, day: 1).description == "2026-03-01")
        #expect(CivilDate(year: 987, month: 12, day: 31).description == "0987-12-31")
        #expect(CivilDate(year: 10_000, month: 1, day: 9).description == "10000-01-09")
        for days in stride(from: -719_000, through: 2_932_000, by: 9_973) { // years 1 to 9999
            let date = CivilDate(daysSinceEpoch: days)
            #expect(CivilDate.parse(date.description) == date, "\(date)")
        }
    }

    @Test func parsesAndFormatsRFC3339() {
        #expect(RFC3339.parse("1970-01-01T00:00:00Z") == 0)
        #expect(RFC3339.parse("2026-03-01T09:05:00.250Z") == 1_772_355_900_250)
        #expect(RFC3339.parse("2026-03-01T10:05:00.250+01:00") == 1_772_355_900_250)
        #expect(RFC3339.parse("2026-03-01T09:05:00.2509Z") == 1_772_355_900_250)
        #expect(RFC3339.parse("2026-03-01 09:05:00z") == 1_772_355_900_000)
        #expect(RFC3339.parse("2026-02-30T09:05:00Z") == nil)
        #expect(RFC3339.parse("2026-03-01T09:05:00") == nil)
        #expect(RFC3339.parse("2026-03-01T09:05:00.Z") == nil)
        #expect(RFC3339.format(1_772_355_900_250) == "2026-03-01T09:05:00.250Z")
        #expect(RFC3339.format(1_772_355_900_000) == "2026-03-01T09:05:00Z")
        #expect(RFC3339.format(-1) == "1969-12-31T23:59:59.999Z")
    }
}
