/// The id flowc gives a sent message (spec 4.6): the same input always gives the same id, so a
/// re-run delivers nothing twice and mail feedback can name the message. It is 128 bits, kept as
/// two words and printed as 32 lowercase hex digits only where text is needed: the replay makes
/// one per send, and a `String` for each cost more than the rest of recording the send.
public struct MessageID: Hashable, Sendable, CustomStringConvertible {
    /// Hex digits 1–16 and 17–32 as numbers.
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The id written as 32 lowercase hex digits; nil for any other text (an uppercase digit
    /// included, so that ids equal as values are equal as text).
    public init?(hex: String) {
        var text = hex
        guard let words = text.withUTF8({ bytes -> (UInt64, UInt64)? in
            guard bytes.count == 32 else { return nil }
            guard let high = Self.word(fromHex: UnsafeBufferPointer(rebasing: bytes[..<16])),
                  let low = Self.word(fromHex: UnsafeBufferPointer(rebasing: bytes[16...]))
            else { return nil }
            return (high, low)
        }) else { return nil }
        (high, low) = words
    }

    /// The number written by 16 lowercase hex digits; nil when any byte is not one.
    private static func word(fromHex digits: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var word: UInt64 = 0
        for byte in digits {
            let value: UInt8
            if byte &- UInt8(ascii: "0") < 10 {
                value = byte &- UInt8(ascii: "0")
            } else if byte &- UInt8(ascii: "a") < 6 {
                value = byte &- UInt8(ascii: "a") &+ 10
            } else {
                return nil
            }
            word = word << 4 | UInt64(value)
        }
        return word
    }

    /// The 32 lowercase hex digits.
    public var description: String {
        withHexDigits { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the 32 lowercase hex digits as ASCII bytes (valid only during the call).
    public func withHexDigits<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var digits = (Self.hexDigits(of: UInt32(truncatingIfNeeded: high >> 32)), Self.hexDigits(of: UInt32(truncatingIfNeeded: high)),
                      Self.hexDigits(of: UInt32(truncatingIfNeeded: low >> 32)), Self.hexDigits(of: UInt32(truncatingIfNeeded: low)))
        return withUnsafeBytes(of: &digits) { body($0) }
    }

    /// The 8 lowercase hex digits of `number` as ASCII bytes, first digit in the lowest byte of
    /// memory, made a word at a time: each nibble is spread to a byte of its own, then 0–9 and
    /// a–f are turned into their characters together.
    @inline(__always)
    private static func hexDigits(of number: UInt32) -> UInt64 {
        var nibbles = UInt64(number)
        nibbles = (nibbles | nibbles << 16) & 0x0000_FFFF_0000_FFFF
        nibbles = (nibbles | nibbles << 8) & 0x00FF_00FF_00FF_00FF
        nibbles = (nibbles | nibbles << 4) & 0x0F0F_0F0F_0F0F_0F0F // the first digit in the top byte
        let letters = ((nibbles &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101 // 1 where 10–15
        let ascii = nibbles &+ 0x3030_3030_3030_3030 &+ letters &* UInt64(UInt8(ascii: "a") - UInt8(ascii: "9") - 1)
        return ascii.bigEndian // stored with the top byte first
    }

    /// The first 32 lowercase hex digits of SHA-256 over
    /// `flow \n contact \n key \n entry \n step \n visit` (UTF-8). `key` is the entry key's text
    /// (empty without a key), `entry` the instance's 1-based ordinal for (flow, contact, key),
    /// `step` the step name (`#N` when unnamed), `visit` the 1-based count of arrivals at it.
    public static func make(flow: String, contact: String, key: String, entry: Int, step: String, visit: Int) -> MessageID {
        let capacity = flow.utf8.count + contact.utf8.count + key.utf8.count + step.utf8.count + 2 * 20 + 5
        // Built in a stack buffer: this runs for every message sent.
        let words = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { text in
            var length = 0
            func line(_ part: String) {
                // Copied by the string itself: the fastest way out for small and large strings alike.
                length += UnsafeMutableBufferPointer(rebasing: text[length...]).initialize(fromContentsOf: part.utf8)
                text[length] = UInt8(ascii: "\n")
                length += 1
            }
            func decimal(_ number: Int) {
                if number < 0 { text[length] = UInt8(ascii: "-"); length += 1 }
                var magnitude = number.magnitude
                var digitCount = 1
                var rest = magnitude / 10
                while rest > 0 { digitCount += 1; rest /= 10 }
                length += digitCount
                var position = length
                repeat { // the last digit first, from the right
                    position -= 1
                    text[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
            }
            line(flow)
            line(contact)
            line(key)
            decimal(entry)
            text[length] = UInt8(ascii: "\n")
            length += 1
            line(step)
            decimal(visit)
            return SHA256.digestWords(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: text[..<length])))
        }
        return MessageID(high: UInt64(words[0]) << 32 | UInt64(words[1]), low: UInt64(words[2]) << 32 | UInt64(words[3]))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
