/// RFC 3339 timestamps as integer milliseconds since the Unix epoch: a byte-level parser for the
/// event-log hot path (Foundation's ISO8601DateFormatter is ~100× slower) and the run-record format.
public enum RFC3339 {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t`/`z`/space are accepted as RFC 3339
    /// allows. Fractions beyond milliseconds are truncated. Returns nil for anything invalid.
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses the bytes of a timestamp (see `parse(_: String)`).
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = b.count
        guard n >= 20 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = b[i] &- 48
            return c < 10 ? Int(c) : nil
        }
        @inline(__always) func two(_ i: Int) -> Int? {
            guard let a = digit(i), let c = digit(i + 1) else { return nil }
            return a * 10 + c
        }
        guard let y1 = two(0), let y2 = two(2), b[4] == 45, let month = two(5), b[7] == 45, let day = two(8),
              b[10] == 84 || b[10] == 116 || b[10] == 32,
              let hour = two(11), b[13] == 58, let minute = two(14), b[16] == 58, let second = two(17)
        else { return nil }
        let year = y1 * 100 + y2
        guard month >= 1, month <= 12, day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var i = 19
        var millis = 0
        if b[i] == 46 { // '.'
            i += 1
            let start = i
            while i < n, let d = digit(i) {
                if i - start < 3 { millis = millis * 10 + d }
                i += 1
            }
            guard i > start else { return nil }
            for _ in 0..<max(0, 3 - (i - start)) { millis *= 10 }
        }
        guard i < n else { return nil }
        var offsetSeconds = 0
        switch b[i] {
        case 90, 122: // 'Z', 'z'
            i += 1
        case 43, 45: // '+', '-'
            guard i + 6 == n, let oh = two(i + 1), b[i + 3] == 58, let om = two(i + 4), oh <= 23, om <= 59 else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[i] == 45 ? -1 : 1)
            i += 6
        default:
            return nil
        }
        guard i == n else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetSeconds
        return Int64(seconds) * 1000 + Int64(millis)
    }

    /// Formats as RFC 3339 UTC with `Z`: whole seconds, plus milliseconds only when not zero
    /// (the run-record format of the spec).
    public static func format(_ milliseconds: Int64) -> String {
        let ms = Int(((milliseconds % 1000) + 1000) % 1000)
        let totalSeconds = Int((milliseconds - Int64(ms)) / 1000)
        let days = Int((Double(totalSeconds) / 86_400).rounded(.down))
        let secondsOfDay = totalSeconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        var out = date.description + "T"
        out += pad2(secondsOfDay / 3600) + ":" + pad2(secondsOfDay / 60 % 60) + ":" + pad2(secondsOfDay % 60)
        if ms != 0 {
            let s = String(ms)
            out += "." + String(repeating: "0", count: 3 - s.count) + s
        }
        return out + "Z"
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
