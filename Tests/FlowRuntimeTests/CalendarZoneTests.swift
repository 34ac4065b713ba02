import Foundation
import FlowSyntax
import TestSupport
import Testing
@testable import FlowRuntime

@Suite struct CalendarZoneTests {
    @Test(arguments: ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
                      "Pacific/Apia", "Etc/GMT+5", "America/Argentina/Buenos_Aires"])
    func resolvesIANANames(name: String) {
        #expect(ZoneCache().zone(named: name)?.name == name)
    }

    @Test(arguments: ["Mars/Base", "europe/berlin", "EUROPE/BERLIN", "Europe/berlin", "../etc/passwd", "/etc/passwd",
                      "Europe/../Europe/Berlin", "Europe//Berlin", "Europe/Berlin/", "./Europe/Berlin", "Europe",
                      "", " Europe/Berlin", "Europe/Berlin ", "posix/Europe/Berlin", "right/Europe/Berlin",
                      "localtime", "posixrules", "zone.tab", "tzdata.zi", "leap-seconds.list", "Europe/Berlin\u{0}"])
    func rejectsEverythingElse(name: String) {
        #expect(ZoneCache().zone(named: name) == nil)
    }

    /// Periods are found from the stretch index; it must agree with a search of the whole table
    /// at transitions, a second either side, and random instants from 1800 to 2500 and beyond.
    @Test(arguments: ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Africa/Casablanca"])
    func stretchIndexAgreesWithSearch(name: String) throws {
        let table = try #require(ZoneCache().zone(named: name)).table
        var instants: [Int64] = [.min, -(1 << 59), 0, .max]
        for start in table.starts where start > .min { instants += [start - 1, start, start + 1] }
        var random = SeededGenerator(seed: 9)
        for _ in 0..<20_000 { instants.append(Int64.random(in: -5_364_662_400...16_725_225_600, using: &random)) }
        for instant in instants {
            #expect(table.periodIndex(containing: instant) == table.searchedPeriodIndex(containing: instant), "\(instant)")
        }
    }

    @Test func resolvesUTCWithoutADatabase() {
        let cache = ZoneCache(directory: "/nonexistent")
        #expect(cache.zone(named: "UTC") == .utc)
        #expect(cache.zone(named: "Europe/Berlin") == nil)
    }

    @Test func contactZoneFallsBackToTheProjectZone() {
        let cache = ZoneCache()
        let project = zone("America/New_York")
        #expect(cache.zone(forTrait: "Europe/Berlin", fallback: project).name == "Europe/Berlin")
        #expect(cache.zone(forTrait: "europe/berlin", fallback: project).name == "America/New_York")
        #expect(cache.zone(forTrait: nil, fallback: .utc).name == "UTC")
        // A cached answer, positive or negative, stays the same.
        #expect(cache.zone(forTrait: "europe/berlin", fallback: .utc).name == "UTC")
        #expect(cache.zone(named: "Europe/Berlin")?.offset(at: instant("2026-07-01T00:00:00Z")) == 7200)
    }

    /// A name given as UTF-8 (a packed trait read in place) resolves as the same name given as a
    /// string, asked for again or not, short or longer than the byte cache's keys.
    @Test func namesAsBytesResolveAsStrings() {
        let cache = ZoneCache()
        let names = ["Europe/Berlin", "America/New_York", "europe/berlin", "UTC", "", "America/Argentina/Buenos_Aires",
                     "America/Argentina/ComodRivadavia", "Mars/Base/" + String(repeating: "x", count: 40)]
        for name in names + names.reversed() {
            var bytes = Array(name.utf8)
            let found = bytes.withUnsafeMutableBytes { cache.zone(namedUTF8: UnsafeRawBufferPointer($0)) }
            #expect(found?.name == ZoneCache().zone(named: name)?.name, "\(name)")
        }
    }

    /// Offsets agree with Foundation's `TimeZone` over 1901–2037 (both read the same tz data).
    @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia",
                      "UTC", "Europe/Dublin", "Asia/Jerusalem"])
    func offsetsMatchFoundation(name: String) throws {
        let ours = zone(name)
        let theirs = try #require(TimeZone(identifier: name))
        var mismatches: [String] = []
        var seconds: Int64 = -2_145_916_800 // 1902-01-01
        while seconds < 2_145_916_800 { // 2038-01-01
            let expected = theirs.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            if ours.offset(at: seconds * 1000) != expected { mismatches.append("\(seconds): \(expected)") }
            seconds += 86_400 * 3 + 3_607 // drifts through every hour of the day
        }
        #expect(mismatches.isEmpty, "\(name) differs at \(mismatches.prefix(5))")
    }

    // Transitions from python3 zoneinfo on the same tz data: 2026 (explicit data), 2100 and 2999
    // (the footer rule, the latter past the 400-year expansion). Offset after the transition.
    @Test(arguments: [
        ("Europe/Berlin", 1_774_746_000, 7200), ("Europe/Berlin", 1_792_890_000, 3600),
        ("Europe/Berlin", 4_109_878_800, 7200), ("Europe/Berlin", 32_497_981_200, 3600),
        ("America/New_York", 1_772_953_200, -14400), ("America/New_York", 1_793_512_800, -18000),
        ("America/New_York", 4_129_250_400, -18000), ("America/New_York", 32_478_044_400, -14400),
        ("Australia/Lord_Howe", 1_775_314_800, 37800), ("Australia/Lord_Howe", 1_791_041_400, 39600),
        ("Australia/Lord_Howe", 4_126_174_200, 39600), ("Australia/Lord_Howe", 32_480_406_000, 37800),
        ("Asia/Jerusalem", 4_109_702_400, 10800), ("Asia/Jerusalem", 32_497_974_000, 7200),
        ("America/Santiago", 4_110_490_800, -14400), ("America/Santiago", 32_493_758_400, -10800),
        ("Europe/Dublin", 4_109_878_800, 3600), ("Europe/Dublin", 32_497_981_200, 0),
    ] as [(String, Int64, Int)])
    func followsTheFooterRuleIntoTheFuture(name: String, transition: Int64, offset: Int) {
        let zone = zone(name)
        #expect(zone.offset(at: transition * 1000) == offset)
        #expect(zone.offset(at: transition * 1000 - 1) != offset)
    }

    @Test func fixedOffsetZones() {
        #expect(zone("Asia/Kathmandu").offset(at: instant("2026-07-01T00:00:00Z")) == 5 * 3600 + 45 * 60)
        #expect(zone("Asia/Kathmandu").offset(at: instant("2900-07-01T00:00:00Z")) == 5 * 3600 + 45 * 60)
        #expect(zone("Pacific/Apia").offset(at: instant("2026-07-01T00:00:00Z")) == 13 * 3600)
        #expect(zone("Etc/GMT+5").offset(at: instant("2026-07-01T00:00:00Z")) == -5 * 3600)
        #expect(Zone.utc.offset(at: instant("2026-07-01T00:00:00Z")) == 0)
    }

    @Test func localReadings() {
        let berlin = zone("Europe/Berlin")
        let reading = berlin.local(instant("2026-03-29T00:59:59.500Z"))
        #expect(reading.date == date("2026-03-29"))
        #expect(reading.minuteOfDay == 119)
        #expect(reading.second == 59)
        #expect(reading.millisecondOfDay == 7_199_500)
        #expect(reading.weekday == .sun)
        let after = berlin.local(instant("2026-03-29T01:00:00Z"))
        #expect(after.minuteOfDay == 180)
        let beforeEpoch = Zone.utc.local(-1)
        #expect(beforeEpoch.date == date("1969-12-31"))
        #expect(beforeEpoch.millisecondOfDay == 86_399_999)
        #expect(beforeEpoch.weekday == .wed)
        let kathmandu = zone("Asia/Kathmandu").local(instant("2026-06-30T18:15:00Z"))
        #expect(kathmandu.date == date("2026-07-01"))
        #expect(kathmandu.minuteOfDay == 0)
    }

    /// Local wall-clock times to instants at DST changes (spec 4.5): a time in the gap moves
    /// forward by the gap, a repeated time is its first occurrence.
    @Test(arguments: [
        // Europe/Berlin spring forward 2026-03-29 02:00 CET → 03:00 CEST.
        ("Europe/Berlin", "2026-03-29", "01:59", "2026-03-29T00:59:00Z"),
        ("Europe/Berlin", "2026-03-29", "02:00", "2026-03-29T01:00:00Z"),
        ("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T01:30:00Z"), // 03:30 CEST
        ("Europe/Berlin", "2026-03-29", "03:00", "2026-03-29T01:00:00Z"),
        ("Europe/Berlin", "2026-03-29", "03:30", "2026-03-29T01:30:00Z"),
        // Europe/Berlin fall back 2026-10-25 03:00 CEST → 02:00 CET.
        ("Europe/Berlin", "2026-10-25", "01:59", "2026-10-24T23:59:00Z"),
        ("Europe/Berlin", "2026-10-25", "02:00", "2026-10-25T00:00:00Z"),
        ("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00Z"), // first occurrence, CEST
        ("Europe/Berlin", "2026-10-25", "03:00", "2026-10-25T02:00:00Z"),
        // America/New_York spring forward 2026-03-08 02:00 EST → 03:00 EDT.
        ("America/New_York", "2026-03-08", "01:59", "2026-03-08T06:59:00Z"),
        ("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00Z"), // 03:30 EDT
        ("America/New_York", "2026-03-08", "03:00", "2026-03-08T07:00:00Z"),
        // America/New_York fall back 2026-11-01 02:00 EDT → 01:00 EST.
        ("America/New_York", "2026-11-01", "00:59", "2026-11-01T04:59:00Z"),
        ("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z"), // first occurrence, EDT
        ("America/New_York", "2026-11-01", "02:00", "2026-11-01T07:00:00Z"),
        // Australia/Lord_Howe: a 30-minute gap 2026-10-04 02:00 → 02:30 (+10:30 → +11).
        ("Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03T15:45:00Z"), // 02:45 +11
        ("Australia/Lord_Howe", "2026-10-04", "02:30", "2026-10-03T15:30:00Z"),
        // ... and a 30-minute overlap 2026-04-05 02:00 → 01:30.
        ("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00Z"), // first, +11
        ("Asia/Kathmandu", "2026-07-01", "09:00", "2026-07-01T03:15:00Z"),
        // Pacific/Apia skipped 2011-12-30 entirely (-10 → +14): noon moves forward a whole day.
        ("Pacific/Apia", "2011-12-30", "12:00", "2011-12-30T22:00:00Z"),
        ("Pacific/Apia", "2011-12-31", "00:00", "2011-12-30T10:00:00Z"),
        ("Pacific/Apia", "2026-07-01", "09:00", "2026-06-30T20:00:00Z"),
        ("UTC", "2026-07-01", "09:00", "2026-07-01T09:00:00Z"),
        // Past the expanded table: the footer rule, folded by 400-year cycles.
        ("Europe/Berlin", "2999-03-31", "02:30", "2999-03-31T01:30:00Z"),
        ("Europe/Berlin", "3421-07-01", "12:00", "3421-07-01T10:00:00Z"),
    ])
    func localTimesToInstants(name: String, day: String, clock: String, expected: String) {
        #expect(zone(name).utc(for: date(day), at: time(clock).minutes) == instant(expected))
    }

    @Test func malformedTZifFilesAreRejectedWithoutTrapping() throws {
        let data = try #require(FileManager.default.contents(atPath: "/usr/share/zoneinfo/Europe/Berlin"))
        let bytes = [UInt8](data)
        #expect(TZif(bytes: bytes)?.footer != nil)
        for length in 0..<bytes.count { _ = TZif(bytes: Array(bytes.prefix(length))) }
        #expect(TZif(bytes: Array(bytes.prefix(1000))) == nil)
        var version1 = bytes
        version1[4] = 0
        #expect(TZif(bytes: version1) == nil)
        #expect(TZif(bytes: Array("TZif2 not really a zone file at all, just text".utf8)) == nil)
    }

    @Test func hugeInputsDoNotTrap() {
        let berlin = zone("Europe/Berlin")
        _ = berlin.offset(at: .max)
        _ = berlin.local(.min)
        _ = berlin.utc(for: CivilDate(year: 2026, month: 1, day: 1), at: .max)
        #expect(berlin.calendarTarget(days: .max, at: time("09:00"), after: 0) > 0)
    }
}
