import Testing
@testable import FlowRuntime

/// The POSIX TZ footer reader, on strings written here (independent of the installed tz data).
@Suite struct CalendarPosixRuleTests {
    @Test func parsesNamesOffsetsAndRules() throws {
        let berlin = try #require(PosixTZRule.parse("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(berlin.standardOffset == 3600)
        #expect(berlin.daylight == .init(offset: 7200, start: .monthWeekDay(month: 3, week: 5, weekday: 0), startTime: 7200,
                                         end: .monthWeekDay(month: 10, week: 5, weekday: 0), endTime: 10800))
        let kathmandu = try #require(PosixTZRule.parse("<+0545>-5:45"))
        #expect(kathmandu.standardOffset == 20700)
        #expect(kathmandu.daylight == nil)
        let lordHowe = try #require(PosixTZRule.parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"))
        #expect(lordHowe.daylight?.offset == 39600)
        #expect(PosixTZRule.parse("EST5EDT")?.daylight?.start == .monthWeekDay(month: 3, week: 2, weekday: 0))
    }

    @Test(arguments: ["", "CET", "CE-1", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
                      "CET-1CEST,J0,J365", "CET-1CEST,366,0", "<+01-1", "CET-1CEST,M3.5.0/168,M10.5.0", "CET-25"])
    func rejectsMalformedStrings(text: String) {
        #expect(PosixTZRule.parse(text) == nil)
    }

    // Expected instants: python3 -c 'from datetime import *; print(int(datetime(2026,3,29,1,0,tzinfo=timezone.utc).timestamp()))'
    @Test func negativeTransitionTimes() throws {
        // Greenland: daylight starts the last Sunday of March at -01:00 local standard time,
        // i.e. 23:00 on the Saturday before.
        let nuuk = try #require(PosixTZRule.parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0"))
        #expect(nuuk.transitions(year: 2026).map(\.instant) == [1_774_746_000, 1_792_890_000])
        #expect(nuuk.transitions(year: 2026).map(\.offset) == [-3600, -7200])
    }

    @Test func transitionTimesBeyondOneDay() throws {
        // Israel: the fourth Thursday of March at 26:00, i.e. Friday 02:00.
        let jerusalem = try #require(PosixTZRule.parse("IST-2IDT,M3.4.4/26,M10.5.0"))
        #expect(jerusalem.transitions(year: 2026).first?.instant == 1_774_569_600)
    }

    @Test func julianDays() {
        // J60 is March 1st even in a leap year; zero-based 59 is February 29th there.
        #expect(PosixTZRule.RuleDay.julianNoLeap(60).day(in: 2028) == 21244)
        #expect(PosixTZRule.RuleDay.zeroBased(59).day(in: 2028) == 21243)
        #expect(PosixTZRule.RuleDay.julianNoLeap(60).day(in: 2027) == PosixTZRule.RuleDay.zeroBased(59).day(in: 2027))
    }

    @Test func lastWeekOfTheMonth() {
        // M10.5.0 in 2026 is October 25th (days since epoch 20751); M2.5.0 in 2026 is Feb 22nd.
        #expect(PosixTZRule.RuleDay.monthWeekDay(month: 10, week: 5, weekday: 0).day(in: 2026) == 20751)
        #expect(PosixTZRule.RuleDay.monthWeekDay(month: 2, week: 5, weekday: 0).day(in: 2026) == 20506)
    }
}
