import Foundation
import Testing
import FlowSyntax
import TestSupport

/// `RFC3339.parse` (the event log's timestamp parser) against Foundation's ISO 8601 parsing.
@Suite struct EventLogTimestampTests {
    @Test func generatedTimestampsParseLikeFoundation() {
        var random = SeededGenerator(seed: 3339)
        let whole = ISO8601DateFormatter()
        whole.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for _ in 0..<5000 {
            let year = Int.random(in: 1600...2400, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...CivilDate.daysInMonth(year: year, month: month), using: &random)
            var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                              Int.random(in: 0...23, using: &random), Int.random(in: 0...59, using: &random),
                              Int.random(in: 0...59, using: &random))
            let fractionDigits = Int.random(in: 0...3, using: &random)
            if fractionDigits > 0 { text += "." + String(format: "%03d", Int.random(in: 0...999, using: &random)).prefix(fractionDigits) }
            if Bool.random(using: &random) {
                text += "Z"
            } else {
                text += (Bool.random(using: &random) ? "+" : "-")
                text += String(format: "%02d:%02d", Int.random(in: 0...23, using: &random), Int.random(in: 0...59, using: &random))
            }
            let date = (fractionDigits > 0 ? fractional : whole).date(from: text)
            let expected = date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
            #expect(expected != nil, "Foundation rejects \(text)")
            #expect(RFC3339.parse(text) == expected, "\(text)")
        }
    }

    @Test func fractionsBeyondMillisecondsAreTruncated() {
        #expect(RFC3339.parse("2026-03-01T09:05:00.123999999Z") == RFC3339.parse("2026-03-01T09:05:00.123Z"))
        #expect(RFC3339.parse("1969-12-31T23:59:59.9999-00:30") == 1_799_999)
    }

    @Test(arguments: [
        "2026-03-01T09:05:00", "2026-03-01", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-03-01T24:00:00Z",
        "2026-03-01T09:60:00Z", "2026-03-01T09:05:00+24:00", "2026-03-01T09:05:00+0100", "2026-03-01T09:05:00.Z",
        "2026-03-01T09:05:00ZZ", "26-03-01T09:05:00Z", "2026-03-01X09:05:00Z", "２026-03-01T09:05:00Z",
    ])
    func rejectsInvalidTimestamps(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }
}
