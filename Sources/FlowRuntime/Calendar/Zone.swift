import FlowSyntax

/// A timezone of the system tz database, for local-time arithmetic on instants given as integer
/// milliseconds since the epoch (UTC).
///
/// Offsets come from flowc's own reader of the zone's TZif file (RFC 8536: 64-bit transitions,
/// then the POSIX TZ footer rule) rather than from Foundation: the answer depends only on the
/// tz data, never on the platform's calendar code, and each look-up reads a table built once
/// per zone (see `OffsetTable`), with no allocation and no locking, as the
/// replay engine needs at ≥ 1M events/s. Get zones from a `ZoneCache`.
public struct Zone: Sendable, Hashable, CustomStringConvertible {
    /// The IANA name, e.g. `Europe/Berlin`.
    public let name: String
    /// The offsets, boxed: a zone is copied wherever a contact's zone is asked for, and a copy
    /// of the box is one retain where a copy of the table is one per array.
    private let box: TableBox
    var table: OffsetTable {
        _read { yield box.table }
    }

    private final class TableBox: Sendable {
        let table: OffsetTable
        init(_ table: OffsetTable) { self.table = table }
    }

    init(name: String, table: OffsetTable) {
        self.name = name
        box = TableBox(table)
    }

    /// Coordinated Universal Time, available even without a tz database.
    public static let utc = Zone(name: "UTC", table: OffsetTable(fixedOffset: 0))

    /// Seconds east of UTC at the instant `utc` (milliseconds since the epoch).
    public func offset(at utc: Int64) -> Int {
        table.offset(at: OffsetTable.floorDiv(InstantRange.clamp(utc), 1000))
    }

    /// The local wall-clock reading at the instant `utc`.
    public func local(_ utc: Int64) -> LocalDateTime {
        let instant = InstantRange.clamp(utc)
        let localMilliseconds = instant + Int64(offset(at: instant)) * 1000
        let day = OffsetTable.floorDiv(localMilliseconds, 86_400_000)
        return LocalDateTime(day: Int(day), millisecondOfDay: Int(localMilliseconds - day * 86_400_000))
    }

    /// The instant (milliseconds since the epoch) at which the local clock reads `minutes` after
    /// midnight on `date` (spec 4.5): a time in a spring-forward gap moves forward by the gap
    /// (02:30 in a one-hour gap is 03:30 in the new offset), a repeated time means its first
    /// occurrence.
    public func utc(for date: CivilDate, at minutes: Int) -> Int64 {
        utc(localDay: date.daysSinceEpoch, minutes: minutes)
    }

    /// `utc(for:at:)` with the date as days since 1970-01-01.
    func utc(localDay: Int, minutes: Int) -> Int64 {
        let day = Int64(InstantRange.clampDay(localDay))
        let minutes = Int64(min(max(minutes, -InstantRange.maxMinutes), InstantRange.maxMinutes))
        return table.instant(forLocal: day * 86_400 + minutes * 60) * 1000
    }

    public var description: String { name }

    public static func == (a: Zone, b: Zone) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A local wall-clock reading: date, time of day and weekday in some zone.
public struct LocalDateTime: Hashable, Sendable {
    /// The local date as days since 1970-01-01.
    public var day: Int
    /// Milliseconds since local midnight, 0..<86,400,000.
    public var millisecondOfDay: Int

    public var date: CivilDate { CivilDate(daysSinceEpoch: day) }
    /// Minutes since local midnight, 0..<1440.
    public var minuteOfDay: Int { millisecondOfDay / 60_000 }
    /// Seconds within the minute, 0..<60.
    public var second: Int { millisecondOfDay / 1000 % 60 }
    public var weekday: Weekday { Weekday.of(day: day) }
}

extension Weekday {
    /// The weekday of a date given as days since 1970-01-01 (a Thursday).
    static func of(day: Int) -> Weekday {
        Weekday(rawValue: ((day % 7) + 10) % 7) ?? .mon // always in 0..<7
    }
}

/// Bounds that keep arithmetic on input-derived instants and day counts from overflowing:
/// about ±270,000 years around 1970, far beyond any real date.
enum InstantRange {
    static let maxDays = 100_000_000
    static let maxMinutes = 1_000_000
    static let maxMilliseconds = Int64(maxDays) * 86_400_000

    static func clamp(_ milliseconds: Int64) -> Int64 {
        min(max(milliseconds, -maxMilliseconds), maxMilliseconds)
    }

    static func clampDay(_ day: Int) -> Int {
        min(max(day, -maxDays), maxDays)
    }

    /// `day + days`, clamped to the supported range (never traps).
    static func add(_ day: Int, _ days: Int) -> Int {
        clampDay(clampDay(day) + clampDay(days))
    }
}
