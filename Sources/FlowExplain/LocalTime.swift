import FlowRuntime
import FlowSyntax

extension LocalTime {
    /// The reading of `time` in `zone`.
    init(_ time: Int64, in zone: Zone) {
        let local = zone.local(time)
        date = local.date
        millisecondOfDay = local.millisecondOfDay
        weekday = local.weekday
        offset = zone.offset(at: time)
        self.zone = zone.name
    }

    /// `Sat 2026-03-07 21:00 -05:00` (seconds only when not zero).
    public var text: String {
        let seconds = millisecondOfDay / 1000
        var clock = Self.pad(seconds / 3600) + ":" + Self.pad(seconds / 60 % 60)
        if seconds % 60 != 0 { clock += ":" + Self.pad(seconds % 60) }
        let day = weekday.name.prefix(1).uppercased() + weekday.name.dropFirst()
        return "\(day) \(date) \(clock) \(offsetText)"
    }

    /// RFC 3339 with the local offset, whole seconds: `2026-03-07T21:00:00-05:00`.
    public var rfc3339: String {
        let seconds = millisecondOfDay / 1000
        return "\(date)T" + Self.pad(seconds / 3600) + ":" + Self.pad(seconds / 60 % 60) + ":" + Self.pad(seconds % 60) + offsetText
    }

    /// `+01:00`, `-05:00`.
    var offsetText: String {
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + Self.pad(minutes / 60) + ":" + Self.pad(minutes % 60)
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
