import Testing
import FlowSyntax

/// Durations whose sum does not fit in 64 bits of milliseconds are invalid, not a trap.
@Suite struct DurationOverflowTests {
    @Test func manyLargeComponentsAreInvalid() {
        #expect(DurationSyntax.parse(String(repeating: "999999999w", count: 16)) == nil)
        #expect(DurationSyntax.parse("P" + String(repeating: "999999999W", count: 16)) == nil)
        #expect(DurationSyntax.parseSigned("-" + String(repeating: "999999999w", count: 16)) == nil)
    }

    @Test func largeComponentsThatFitStillParse() {
        #expect(DurationSyntax.parse(String(repeating: "999999999w", count: 15)) == 15 * 999_999_999 * DurationSyntax.week)
    }
}
