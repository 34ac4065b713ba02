import FlowSyntax

/// Parses the timestamps of a log exactly as `RFC3339.parse` does, faster for the usual shape
/// `YYYY-MM-DDTHH:MM:SSZ` (or with `.sss` before the `Z`): a log repeats the same date from line
/// to line, so the day a date starts at is remembered from the last full parse of that shape, and
/// a timestamp with the same date bytes only needs its time of day read.
///
/// Keeps state from line to line: not for use from several threads at once.
final class TimestampParser {
    /// The remembered date's bytes `YYYY-MM-DDT`: the first 8, and the 4 from offset 7.
    private var dateHead: UInt64 = 0
    private var dateTail: UInt32 = 0
    /// Milliseconds since the epoch at the start of the remembered date's day.
    private var dayStart: Int64 = 0
    private var remembers = false

    /// The timestamp in `bytes` in milliseconds since the epoch, nil if it is not valid.
    @inline(__always)
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard remembers, let base = bytes.baseAddress, bytes.count == 20 || bytes.count == 24 else { return parsedInFull(bytes) }
        let raw = UnsafeRawPointer(base)
        guard raw.loadUnaligned(as: UInt64.self) == dateHead,
              raw.loadUnaligned(fromByteOffset: 7, as: UInt32.self) == dateTail,
              let time = TimestampParser.timeOfDay(bytes)
        else { return parsedInFull(bytes) }
        return dayStart + time
    }

    /// `RFC3339.parse`, remembering the date of a valid timestamp of the usual shape.
    @inline(never)
    private func parsedInFull(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let parsed = RFC3339.parse(bytes)
        if let parsed, let base = bytes.baseAddress, let time = TimestampParser.timeOfDay(bytes) {
            let raw = UnsafeRawPointer(base)
            dateHead = raw.loadUnaligned(as: UInt64.self)
            dateTail = raw.loadUnaligned(fromByteOffset: 7, as: UInt32.self)
            dayStart = parsed - time
            remembers = true
        }
        return parsed
    }

    /// Milliseconds into the day of a timestamp of the usual shape whose date is valid (as
    /// `RFC3339.parse` counts them: a leap second 60 counts as 59); nil for any other shape.
    @inline(__always)
    private static func timeOfDay(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = b.count
        @inline(__always) func digit(_ i: Int) -> Int64? {
            let value = b[i] &- UInt8(ascii: "0")
            return value < 10 ? Int64(value) : nil
        }
        @inline(__always) func two(_ i: Int) -> Int64? {
            guard let high = digit(i), let low = digit(i + 1) else { return nil }
            return high * 10 + low
        }
        var millis: Int64 = 0
        switch n {
        case 20:
            guard b[19] == UInt8(ascii: "Z") else { return nil }
        case 24:
            guard b[19] == UInt8(ascii: "."), b[23] == UInt8(ascii: "Z"), let tens = two(20), let last = digit(22) else { return nil }
            millis = tens * 10 + last
        default:
            return nil
        }
        guard b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let hour = two(11), let minute = two(14), let second = two(17),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }
        return ((hour * 60 + minute) * 60 + Swift.min(second, 59)) * 1000 + millis
    }
}
