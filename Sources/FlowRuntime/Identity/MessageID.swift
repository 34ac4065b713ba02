/// The id flowc gives a sent message (spec 4.6): the same input always gives the same id, so a
/// re-run delivers nothing twice and mail feedback can name the message.
public enum MessageID {
    /// The first 32 lowercase hex digits of SHA-256 over
    /// `flow \n contact \n key \n entry \n step \n visit` (UTF-8). `key` is the entry key's text
    /// (empty without a key), `entry` the instance's 1-based ordinal for (flow, contact, key),
    /// `step` the step name (`#N` when unnamed), `visit` the 1-based count of arrivals at it.
    public static func make(flow: String, contact: String, key: String, entry: Int, step: String, visit: Int) -> String {
        let capacity = flow.utf8.count + contact.utf8.count + key.utf8.count + step.utf8.count + 2 * 20 + 5
        // Built in a stack buffer and printed digit by digit: this runs for every message sent.
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
        return String(unsafeUninitializedCapacity: 32) { out in
            let digits: StaticString = "0123456789abcdef"
            for wordIndex in 0..<4 { // 32 hex digits: the first four words
                let word = words[wordIndex]
                for nibble in 0..<8 {
                    out[8 * wordIndex + nibble] = digits.utf8Start[Int(word >> UInt32(28 - 4 * nibble) & 0xF)]
                }
            }
            return 32
        }
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
