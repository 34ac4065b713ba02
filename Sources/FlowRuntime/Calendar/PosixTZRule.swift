import FlowSyntax

/// The POSIX `TZ` string that ends a TZif file (RFC 8536 section 3.3, with its version 3
/// extensions: transition times from -167 to 167 hours). It governs every instant after the
/// file's last explicit transition, e.g. `CET-1CEST,M3.5.0,M10.5.0/3`.
struct PosixTZRule: Equatable {
    /// A rule's day within a year.
    enum RuleDay: Equatable {
        /// `Jn`: day 1...365, February 29 never counted.
        case julianNoLeap(Int)
        /// `n`: day 0...365, February 29 counted.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday d (0 = Sunday) of week w (5 = last) of month m.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// Daylight saving time and when it starts and ends each year.
    struct Daylight: Equatable {
        /// Seconds east of UTC while daylight time is in effect.
        var offset: Int
        var start: RuleDay
        /// Seconds after local (standard time) midnight.
        var startTime: Int
        var end: RuleDay
        /// Seconds after local (daylight time) midnight.
        var endTime: Int
    }

    /// Seconds east of UTC in standard time.
    var standardOffset: Int
    var daylight: Daylight?

    /// Both transitions of `year` as (UTC seconds, offset from then on); empty without daylight time.
    func transitions(year: Int) -> [(instant: Int64, offset: Int)] {
        guard let daylight else { return [] }
        let start = Int64(daylight.start.day(in: year)) * 86_400 + Int64(daylight.startTime - standardOffset)
        let end = Int64(daylight.end.day(in: year)) * 86_400 + Int64(daylight.endTime - daylight.offset)
        return [(start, daylight.offset), (end, standardOffset)]
    }

    /// Parses a footer; nil when it is not a POSIX TZ string this reader understands.
    static func parse(_ text: String) -> PosixTZRule? {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard scanner.skipName(), let standard = scanner.offset() else { return nil }
        var rule = PosixTZRule(standardOffset: -standard, daylight: nil)
        if scanner.atEnd { return rule }
        guard scanner.skipName() else { return nil }
        var daylightOffset = rule.standardOffset + 3600
        if !scanner.atEnd && scanner.peek != UInt8(ascii: ",") {
            guard let offset = scanner.offset() else { return nil }
            daylightOffset = -offset
        }
        // Without a rule, POSIX leaves the dates to the implementation; use the US rules as tzcode does.
        var start = RuleDay.monthWeekDay(month: 3, week: 2, weekday: 0), startTime = 7200
        var end = RuleDay.monthWeekDay(month: 11, week: 1, weekday: 0), endTime = 7200
        if scanner.take(",") {
            guard let day = scanner.ruleDay() else { return nil }
            start = day
            if scanner.take("/") { guard let time = scanner.ruleTime() else { return nil }; startTime = time }
            guard scanner.take(","), let endDay = scanner.ruleDay() else { return nil }
            end = endDay
            if scanner.take("/") { guard let time = scanner.ruleTime() else { return nil }; endTime = time }
        }
        guard scanner.atEnd else { return nil }
        rule.daylight = Daylight(offset: daylightOffset, start: start, startTime: startTime, end: end, endTime: endTime)
        return rule
    }
}

extension PosixTZRule.RuleDay {
    /// Days since 1970-01-01 of this rule day in `year`.
    func day(in year: Int) -> Int {
        let january1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
        switch self {
        case .julianNoLeap(let n):
            let skipsLeapDay = CivilDate.isLeapYear(year) && n >= 60
            return january1 + n - 1 + (skipsLeapDay ? 1 : 0)
        case .zeroBased(let n):
            return january1 + n
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilDate(year: year, month: month, day: 1)
            let firstSundayBased = (first.weekday + 1) % 7
            var day = 1 + (weekday - firstSundayBased + 7) % 7 + (week - 1) * 7
            let length = CivilDate.daysInMonth(year: year, month: month)
            while day > length { day -= 7 }
            return first.daysSinceEpoch + day - 1
        }
    }
}

/// A cursor over the bytes of a POSIX TZ string.
private struct Scanner {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// A zone abbreviation: three or more letters, or `<...>` quoted (e.g. `<+0545>`).
    mutating func skipName() -> Bool {
        if take("<") {
            let start = position
            while let byte = peek, byte != UInt8(ascii: ">") { position += 1 }
            guard position - start >= 3, take(">") else { return false }
            return true
        }
        let start = position
        while let byte = peek, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") { position += 1 }
        return position - start >= 3
    }

    mutating func number(maxDigits: Int) -> Int? {
        var value = 0, digits = 0
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < maxDigits {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        return digits > 0 ? value : nil
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, with POSIX's sign (positive west of Greenwich).
    mutating func offset() -> Int? { signedTime(maxHours: 24) }

    /// A transition time: `[+-]hhh[:mm[:ss]]` in seconds (hours up to 167 either way).
    mutating func ruleTime() -> Int? { signedTime(maxHours: 167) }

    private mutating func signedTime(maxHours: Int) -> Int? {
        var sign = 1
        if take("-") { sign = -1 } else { _ = take("+") }
        guard let hours = number(maxDigits: 3), hours <= maxHours else { return nil }
        var seconds = hours * 3600
        if take(":") {
            guard let minutes = number(maxDigits: 2), minutes < 60 else { return nil }
            seconds += minutes * 60
            if take(":") {
                guard let secs = number(maxDigits: 2), secs < 60 else { return nil }
                seconds += secs
            }
        }
        return sign * seconds
    }

    mutating func ruleDay() -> PosixTZRule.RuleDay? {
        if take("J") {
            guard let n = number(maxDigits: 3), (1...365).contains(n) else { return nil }
            return .julianNoLeap(n)
        }
        if take("M") {
            guard let month = number(maxDigits: 2), (1...12).contains(month), take("."),
                  let week = number(maxDigits: 1), (1...5).contains(week), take("."),
                  let weekday = number(maxDigits: 1), weekday <= 6
            else { return nil }
            return .monthWeekDay(month: month, week: week, weekday: weekday)
        }
        guard let n = number(maxDigits: 3), n <= 365 else { return nil }
        return .zeroBased(n)
    }
}
