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
    public mutating func append(_ milliseconds: Int64, to out: inout ByteBuffer) {
        if milliseconds != lastTime {
            lastTime = milliseconds
            format(milliseconds)
        }
        lastText.withUnsafeBytes { out.append($0) }
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
            lastText.append(UInt8(ascii: "."))
            lastText.append(UInt8(ascii: "0") + UInt8(ms / 100))
            appendTwoDigits(ms % 100)
        }
        lastText.append(UInt8(ascii: "Z"))
    }

    /// `n` (0...99) as two decimal digits.
    private mutating func appendTwoDigits(_ n: Int) {
        lastText.append(UInt8(ascii: "0") + UInt8(n / 10))
        lastText.append(UInt8(ascii: "0") + UInt8(n % 10))
    }
}
