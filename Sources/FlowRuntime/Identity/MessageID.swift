/// The id flowc gives a sent message (spec 4.6): the same input always gives the same id, so a
/// re-run delivers nothing twice and mail feedback can name the message.
public enum MessageID {
    /// The first 32 lowercase hex digits of SHA-256 over
    /// `flow \n contact \n key \n entry \n step \n visit` (UTF-8). `key` is the entry key's text
    /// (empty without a key), `entry` the instance's 1-based ordinal for (flow, contact, key),
    /// `step` the step name (`#N` when unnamed), `visit` the 1-based count of arrivals at it.
    public static func make(flow: String, contact: String, key: String, entry: Int, step: String, visit: Int) -> String {
        let text = "\(flow)\n\(contact)\n\(key)\n\(entry)\n\(step)\n\(visit)"
        return hex(SHA256.hash(text.utf8).prefix(16))
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
