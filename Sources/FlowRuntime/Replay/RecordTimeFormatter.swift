import FlowSyntax

/// Formats run-record times as RFC 3339 bytes, the same text `RFC3339.format` gives, remembering
/// the last time and the last day's date: consecutive records mostly share both.
public struct RecordTimeFormatter {
    private var lastTime: Int64?
    /// The text of `lastTime`: `dayPrefix`, then the time of day.
    private var lastText = InlineBytes()
    private var lastDay: Int?
    /// `YYYY-MM-DDT` of `lastDay`.
    private var dayPrefix = InlineBytes()

    public init() {}

    /// Appends `milliseconds` (since the epoch) as RFC 3339 UTC: whole seconds, plus milliseconds
    /// only when not zero.
    public mutating func append(_ milliseconds: Int64, to out: inout ByteBuffer) {
        if milliseconds != lastTime {
            lastTime = milliseconds
            format(milliseconds)
        }
        lastText.withBytes { out.append($0) }
    }

    private mutating func format(_ milliseconds: Int64) {
        let ms = Int(((milliseconds % 1000) + 1000) % 1000)
        let totalSeconds = Int((milliseconds - Int64(ms)) / 1000)
        let days = Int((Double(totalSeconds) / 86_400).rounded(.down))
        let secondsOfDay = totalSeconds - days * 86_400
        if days != lastDay {
            lastDay = days
            dayPrefix = InlineBytes()
            for byte in (CivilDate(daysSinceEpoch: days).description + "T").utf8 { dayPrefix.append(byte) }
        }
        lastText = dayPrefix
        lastText.appendTwoDigits(secondsOfDay / 3600)
        lastText.append(UInt8(ascii: ":"))
        lastText.appendTwoDigits(secondsOfDay / 60 % 60)
        lastText.append(UInt8(ascii: ":"))
        lastText.appendTwoDigits(secondsOfDay % 60)
        if ms != 0 {
            lastText.append(UInt8(ascii: "."))
            lastText.append(UInt8(ascii: "0") + UInt8(ms / 100))
            lastText.appendTwoDigits(ms % 100)
        }
        lastText.append(UInt8(ascii: "Z"))
    }
}

/// Up to 48 bytes kept inline: a formatted time (at most 30 bytes, for the widest year an
/// `Int64` of milliseconds reaches) without an array's allocation and reference counting.
private struct InlineBytes {
    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    private var count = 0

    mutating func append(_ byte: UInt8) {
        withUnsafeMutableBytes(of: &storage) { $0[count] = byte }
        count += 1
    }

    /// `n` (0...99) as two decimal digits.
    mutating func appendTwoDigits(_ n: Int) {
        append(UInt8(ascii: "0") + UInt8(n / 10))
        append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        withUnsafeBytes(of: storage) { body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
}
