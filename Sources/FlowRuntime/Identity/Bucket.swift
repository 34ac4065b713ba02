/// Deterministic A/B buckets (spec 4.7): a contact always lands in the same bucket of a step.
public enum Bucket {
    /// `fnv1a64(utf8("<flow>:<step>:<contact>")) mod 100`, 0..<100.
    /// The parts are hashed one after the other, as the hash runs byte by byte: no joined string.
    public static func of(flow: String, step: String, contact: String) -> Int {
        let colon = CollectionOfOne(UInt8(ascii: ":"))
        var hash = fnv1a64(flow)
        hash = fnv1a64(colon, continuing: hash)
        hash = fnv1a64(step, continuing: hash)
        hash = fnv1a64(colon, continuing: hash)
        hash = fnv1a64(contact, continuing: hash)
        return Int(hash % 100)
    }

    /// `fnv1a64` of a string's UTF-8, read in place where the string allows.
    private static func fnv1a64(_ text: String, continuing start: UInt64 = 14_695_981_039_346_656_037) -> UInt64 {
        text.utf8.withContiguousStorageIfAvailable { fnv1a64($0, continuing: start) } ?? fnv1a64(text.utf8, continuing: start)
    }

    /// FNV-1a, 64-bit (offset basis 14695981039346656037, prime 1099511628211); `continuing`
    /// the hash of the bytes before these.
    public static func fnv1a64(_ bytes: some Sequence<UInt8>, continuing start: UInt64 = 14_695_981_039_346_656_037) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 1_099_511_628_211
        }
        return hash
    }

    /// The option that `bucket` selects when options take consecutive bucket ranges by weight,
    /// in listed order (weights 50/50: buckets 0–49 take option 0). Nil when the weights do not
    /// reach the bucket (they sum to 100 in a checked flow).
    public static func pick(weights: some Sequence<Int>, bucket: Int) -> Int? {
        var end = 0
        for (index, weight) in weights.enumerated() {
            end += min(max(weight, 0), 100)
            if bucket < end { return index }
        }
        return nil
    }
}
