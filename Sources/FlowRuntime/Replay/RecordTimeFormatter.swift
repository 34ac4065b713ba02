import FlowSyntax

/// Formats run-record times as RFC 3339 bytes, the same text `RFC3339.format` gives, remembering
/// the last time and the last day's date: consecutive records mostly share both.
public struct RecordTimeFormatter {
    private var lastTime: Int64?
    private var lastText: [UInt8] = []
    private var lastDay: Int?
    /// `YYYY-MM-DDT` of `lastDay`.
    private var dayPrefix: [UInt8] = []

    public init() {}

    /// Appends `milliseconds` (since the epoch) as RFC 3339 UTC: whole seconds, plus milliseconds
    /// only when not zero.
    public mutating func append(_ milliseconds: Int64, to out: inout [UInt8]) {
        if milliseconds != lastTime {
            lastTime = milliseconds
            format(milliseconds)
        }
        out.append(contentsOf: lastText)
    }

    private mutating func format(_ milliseconds: Int64) {
        let ms = Int(((milliseconds % 1000) + 1000) % 1000)
        let totalSeconds = Int((milliseconds - Int64(ms)) / 1000)
        let days = Int((Double(totalSeconds) / 86_400).rounded(.down))
        let secondsOfDay = totalSeconds - days * 86_400
        if days != lastDay {
            lastDay = days
            dayPrefix = Array((CivilDate(daysSinceEpoch: days).description + "T").utf8)
        }
        lastText.removeAll(keepingCapacity: true)
        lastText.append(contentsOf: dayPrefix)
        appendTwoDigits(secondsOfDay / 3600)
        lastText.append(UInt8(ascii: ":"))
        appendTwoDigits(secondsOfDay / 60 % 60)
        lastText.append(UInt8(ascii: ":"))
        appendTwoDigits(secondsOfDay % 60)
        if ms != 0 {
            let digits = String(ms).utf8
            lastText.append(UInt8(ascii: "."))
            for _ in digits.count..<3 { lastText.append(UInt8(ascii: "0")) }
            lastText.append(contentsOf: digits)
        }
        lastText.append(UInt8(ascii: "Z"))
    }

    /// `n` in decimal, with a leading zero below 10.
    private mutating func appendTwoDigits(_ n: Int) {
        if n < 10 { lastText.append(UInt8(ascii: "0")) }
        lastText.append(contentsOf: String(n).utf8)
    }
}
