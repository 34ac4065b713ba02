/// The id flowc gives a sent message (spec 4.6): the same input always gives the same id, so a
/// re-run delivers nothing twice and mail feedback can name the message.
public enum MessageID {
    /// The first 32 lowercase hex digits of SHA-256 over
    /// `flow \n contact \n key \n entry \n step \n visit` (UTF-8). `key` is the entry key's text
    /// (empty without a key), `entry` the instance's 1-based ordinal for (flow, contact, key),
    /// `step` the step name (`#N` when unnamed), `visit` the 1-based count of arrivals at it.
    public static func make(flow: String, contact: String, key: String, entry: Int, step: String, visit: Int) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(flow.utf8.count + contact.utf8.count + key.utf8.count + step.utf8.count + 48)
        func line(_ part: String) {
            text.append(contentsOf: part.utf8)
            text.append(UInt8(ascii: "\n"))
        }
        line(flow)
        line(contact)
        line(key)
        line(String(entry))
        line(step)
        text.append(contentsOf: String(visit).utf8)
        let words = text.withUnsafeBytes(SHA256.digestWords)
        return String(unsafeUninitializedCapacity: 32) { out in
            for index in 0..<32 {
                let nibble = words[index / 8] >> UInt32(28 - 4 * (index % 8)) & 0xF
                out[index] = nibble < 10 ? UInt8(ascii: "0") + UInt8(nibble) : UInt8(ascii: "a") + UInt8(nibble - 10)
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
