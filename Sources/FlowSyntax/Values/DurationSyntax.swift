/// Durations of the flow language (spec 2.4): one or more `<integer><unit>` with units
/// `w d h m s` (`1h30m`, `3w`), or ISO 8601 (`P2D`, `PT1H30M`, `P1W`). Days are exact 24 hours.
/// Values are integer milliseconds.
public enum DurationSyntax {
    public static let second: Int64 = 1000
    public static let minute: Int64 = 60 * second
    public static let hour: Int64 = 60 * minute
    public static let day: Int64 = 24 * hour
    public static let week: Int64 = 7 * day

    /// An unsigned duration; nil when the text is not one (a sign makes it invalid).
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "P") { return parseISO(bytes) }
        return parseCompact(bytes[...])
    }

    /// A duration with an optional leading `+` or `-` (date offsets: `-7d`, `+2d`).
    public static func parseSigned(_ text: String) -> Int64? {
        if text.hasPrefix("-") { return parse(String(text.dropFirst())).map { -$0 } }
        if text.hasPrefix("+") { return parse(String(text.dropFirst())) }
        return parse(text)
    }

    /// The compact form of a duration in milliseconds, in days and smaller units: `1h30m`, `503d`, `0s`.
    public static func format(_ milliseconds: Int64) -> String {
        var rest = abs(milliseconds)
        var out = milliseconds < 0 ? "-" : ""
        for (unit, size) in [("d", day), ("h", hour), ("m", minute), ("s", second)] where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        if rest > 0 { out += "\(rest)ms" }
        return out == "" || out == "-" ? "0s" : out
    }

    private static func unitSize(_ byte: UInt8) -> Int64? {
        switch byte {
        case UInt8(ascii: "w"): week
        case UInt8(ascii: "d"): day
        case UInt8(ascii: "h"): hour
        case UInt8(ascii: "m"): minute
        case UInt8(ascii: "s"): second
        default: nil
        }
    }

    private static func parseCompact(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var total: Int64 = 0
        var number: Int64? = nil
        for byte in bytes {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let (times, o1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (next, o2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                guard !o1, !o2, next < 1_000_000_000 else { return nil }
                number = next
            } else if let size = unitSize(byte), let n = number {
                guard let sum = adding(n, times: size, to: total) else { return nil }
                total = sum
                number = nil
            } else {
                return nil
            }
        }
        return number == nil && !bytes.isEmpty ? total : nil
    }

    private static func parseISO(_ bytes: [UInt8]) -> Int64? {
        var total: Int64 = 0
        var number: Int64? = nil
        var inTime = false
        var sawComponent = false
        for byte in bytes.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let next = (number ?? 0) * 10 + Int64(byte - UInt8(ascii: "0"))
                guard next < 1_000_000_000 else { return nil }
                number = next
            case UInt8(ascii: "T"):
                guard !inTime, number == nil else { return nil }
                inTime = true
            default:
                guard let n = number else { return nil }
                let size: Int64
                switch (byte, inTime) {
                case (UInt8(ascii: "W"), false): size = week
                case (UInt8(ascii: "D"), false): size = day
                case (UInt8(ascii: "H"), true): size = hour
                case (UInt8(ascii: "M"), true): size = minute
                case (UInt8(ascii: "S"), true): size = second
                default: return nil
                }
                guard let sum = adding(n, times: size, to: total) else { return nil }
                total = sum
                number = nil
                sawComponent = true
            }
        }
        return sawComponent && number == nil ? total : nil
    }

    /// `total + n * size`, or nil when that does not fit in 64 bits (many large components).
    private static func adding(_ n: Int64, times size: Int64, to total: Int64) -> Int64? {
        let (product, o1) = n.multipliedReportingOverflow(by: size)
        let (sum, o2) = total.addingReportingOverflow(product)
        return o1 || o2 ? nil : sum
    }
}
