/// A local time of day, `HH:MM` (24-hour).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since local midnight, 0..<1440.
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    /// Parses `HH:MM` with two-digit hours 00–23 and minutes 00–59 (`9:00` is accepted too).
    public static func parse(_ text: String) -> TimeOfDay? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return nil }
        return TimeOfDay(minutes: hour * 60 + minute)
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }

    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

/// A local weekday; raw values match `CivilDate.weekday` (0 = Monday).
public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public var name: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue] }

    public init?(name: String) {
        guard let day = Weekday.allCases.first(where: { $0.name == name }) else { return nil }
        self = day
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A delivery window: the local hours and weekdays in which mail may be sent.
public struct DeliveryWindow: Hashable, Sendable {
    /// Start inclusive, end exclusive; wraps past midnight when start > end; nil means whole days.
    public var hours: (start: TimeOfDay, end: TimeOfDay)?
    /// The local weekdays on which the window opens; nil means every day.
    public var days: Set<Weekday>? {
        didSet { openingDays = Self.bits(days) }
    }

    /// `days` as one bit per weekday (bit `rawValue`): asked for every send, so no hashing.
    private var openingDays: UInt8

    public init(hours: (start: TimeOfDay, end: TimeOfDay)?, days: Set<Weekday>?) {
        self.hours = hours
        self.days = days
        openingDays = Self.bits(days)
    }

    /// Whether the window opens on `day`.
    public func opens(on day: Weekday) -> Bool {
        openingDays & 1 << day.rawValue != 0
    }

    private static func bits(_ days: Set<Weekday>?) -> UInt8 {
        guard let days else { return 0x7F }
        return days.reduce(0) { $0 | 1 << $1.rawValue }
    }

    /// Parses `HH:MM-HH:MM`.
    public static func parseHours(_ text: String) -> (start: TimeOfDay, end: TimeOfDay)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let start = TimeOfDay.parse(parts[0].trimmingWhitespace()), let end = TimeOfDay.parse(parts[1].trimmingWhitespace())
        else { return nil }
        return (start, end)
    }

    public static func == (a: DeliveryWindow, b: DeliveryWindow) -> Bool {
        a.hours?.start == b.hours?.start && a.hours?.end == b.hours?.end && a.days == b.days
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hours?.start)
        hasher.combine(hours?.end)
        hasher.combine(days)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
