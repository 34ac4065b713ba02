/// Unsorted timer keys by bucket number, for `TimerQueue`. The buckets of the coming
/// `ringSize` (about 200 days of 70-minute buckets) are slots of a ring, found by their number
/// without hashing; farther ones are in a dictionary. A ring slot holds one bucket at a time:
/// keys go into the ring only for buckets less than `ringSize` after `base`, the first bucket
/// not yet taken, and a bucket leaves its slot when taken.
struct TimerBuckets<Key> {
    private static var ringSize: Int64 { 4096 }

    private var ring = [[Key]](repeating: [], count: Int(ringSize))
    private var farther: [Int64: [Key]] = [:]

    /// Appends `key` to `bucket`, which must not be before `base` (nil before the first bucket
    /// was taken); true when it is the bucket's first key. A bucket that came into the ring's
    /// reach may have older keys in `farther` (never the other way round: `base` only grows).
    mutating func append(_ key: Key, to bucket: Int64, base: Int64?) -> Bool {
        if let base, bucket - base < Self.ringSize {
            let first = Self.append(key, to: &ring[Self.slot(of: bucket)])
            return first && (farther.isEmpty || farther[bucket] == nil)
        }
        return Self.append(key, to: &farther[bucket, default: []])
    }

    /// Removes and returns the keys of `bucket`.
    mutating func take(_ bucket: Int64) -> [Key] {
        var keys: [Key] = []
        swap(&keys, &ring[Self.slot(of: bucket)])
        if !farther.isEmpty, let far = farther.removeValue(forKey: bucket) { keys += far }
        return keys
    }

    /// The keys of `bucket`, for inspection.
    func keys(of bucket: Int64) -> [Key] {
        ring[Self.slot(of: bucket)] + (farther[bucket] ?? [])
    }

    private static func slot(of bucket: Int64) -> Int {
        Int(truncatingIfNeeded: bucket & (ringSize - 1))
    }

    private static func append(_ key: Key, to bucket: inout [Key]) -> Bool {
        bucket.append(key)
        return bucket.count == 1
    }
}
