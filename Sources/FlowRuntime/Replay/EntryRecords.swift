/// How often a contact entered each flow with each entry key, and when it last did (spec 2.2):
/// the ordinal of the next entry (which message ids hash) and the reentry rules read it.
///
/// Records are never forgotten, since an ordinal counted from 1 again would repeat a message id,
/// so a contact of a keyed flow keeps one per checkout or order. They are laid out for that:
/// - a record is 32 bytes: the key's text, the flow and count as 32-bit numbers, the time;
/// - up to `taggedCount` records, a look-up compares the records themselves: most contacts have
///   a few, and an array of tags for them would take more room (its header, its allocation)
///   than it saves time;
/// - from `taggedCount` records on, a 32-bit tag of each record's (flow, key) hash is kept in an
///   array of its own, so a look-up scans the tags (sixteen to a cache line) and compares keys
///   only where a tag matches. Comparing the records themselves one by one, cold in memory, was
///   an eighth of the replay thread's cache misses on the cart log;
/// - from `indexedCount` records on, a `PositionIndex` by hash finds a record at once, and the
///   tags go;
/// - from 4 records on, a full array of records grows by half, not double: records are never
///   let go, a shopper keeps one per checkout, and they are much of what such a contact takes.
///
/// Keys are compared by their bytes (see `StringBytes`), as message ids hash them.
struct EntryRecords {
    struct Record {
        let key: String
        let flow: Int32
        /// How many entries there were, the first counting 1.
        var count: Int32
        /// When the last entry was.
        var lastEntry: Int64
    }

    private var records: [Record] = []
    /// `tag(of:)` of each record, in the same order, from `taggedCount` records until there is
    /// an `index`.
    private var tags: [UInt32] = []
    /// Positions in `records` by hash, while there are `indexedCount` records or more.
    private var index: PositionIndex?

    /// From this many records on, look-ups scan `tags`.
    static var taggedCount: Int { 8 }
    /// From this many records on, look-ups go through `index`.
    static var indexedCount: Int { 32 }
    /// From this many records on, a full array of records grows by half.
    static var growsByHalfFrom: Int { 4 }

    var count: Int { records.count }

    /// Where the record of one flow and key is, if there is one: found once, read by the entry
    /// checks, then counted on by `recordEntry` without a second look-up.
    struct Lookup {
        /// The entries so far; nil before the first.
        let record: Record?
        fileprivate let flow: Int
        fileprivate let key: String
        fileprivate let hash: UInt64
        fileprivate let position: Int?
    }

    /// Starts loading the first tags, which a look-up scans first, and the records' storage
    /// header, which recording an entry checks for sole ownership (a hint only; mutating so
    /// that it works on the stored records in place, see `prefetchStorage`).
    mutating func prefetch() {
        prefetchStorage(of: &tags)
        prefetchStorage(of: &records)
    }

    /// The entries into flow `flow` with `key` (empty without a key). Mutating only so that a
    /// call on a contact's stored records reads them in place: a non-mutating call copied them,
    /// retaining their three storages, the first touch of a cold cache line.
    mutating func lookUp(flow: Int, key: String) -> Lookup {
        let hash = Self.hash(flow: flow, key: key)
        let position = position(flow: flow, key: key, hash: hash)
        return Lookup(record: position.map { records[$0] }, flow: flow, key: key, hash: hash, position: position)
    }

    /// Counts one more entry at `time` into the flow and key of `lookup`, made since the last
    /// change; returns its ordinal.
    mutating func recordEntry(_ lookup: Lookup, at time: Int64) -> Int {
        if let position = lookup.position {
            records[position].count += 1
            records[position].lastEntry = time
            return Int(records[position].count)
        }
        records.append(Record(key: lookup.key, flow: Int32(lookup.flow), count: 1, lastEntry: time),
                       growingByHalfFrom: Self.growsByHalfFrom)
        index.fileAppended(records.count - 1, hash: Int(truncatingIfNeeded: lookup.hash), indexedCount: Self.indexedCount) {
            Int(truncatingIfNeeded: Self.hash(of: records[$0]))
        }
        // Once there is an index, look-ups go through it and the tags are needed no more.
        if index != nil {
            if !tags.isEmpty { tags = [] }
        } else if records.count == Self.taggedCount {
            tags = records.map { Self.tag(of: Self.hash(of: $0)) }
        } else if records.count > Self.taggedCount {
            tags.append(Self.tag(of: lookup.hash))
        }
        return 1
    }

    private func position(flow: Int, key: String, hash: UInt64) -> Int? {
        if let index {
            return index.position(hash: Int(truncatingIfNeeded: hash)) { isRecord($0, flow: flow, key: key) }
        }
        if records.count < Self.taggedCount {
            return records.indices.first { isRecord($0, flow: flow, key: key) }
        }
        let tag = Self.tag(of: hash)
        var start = 0
        while let candidate = position(of: tag, from: start) {
            if isRecord(candidate, flow: flow, key: key) { return candidate }
            start = candidate + 1
        }
        return nil
    }

    /// The first position from `start` on whose tag is `tag`.
    private func position(of tag: UInt32, from start: Int) -> Int? {
        tags.withUnsafeBufferPointer { tags in
            var position = start
            while position < tags.count {
                if tags[position] == tag { return position }
                position += 1
            }
            return nil
        }
    }

    private func isRecord(_ position: Int, flow: Int, key: String) -> Bool {
        records[position].flow == Int32(flow) && StringBytes.equal(records[position].key, key)
    }

    private static func hash(flow: Int, key: String) -> UInt64 {
        StringBytes.hash(key) ^ UInt64(truncatingIfNeeded: flow) &* 0x9E37_79B9_7F4A_7C15
    }

    private static func hash(of record: Record) -> UInt64 {
        hash(flow: Int(record.flow), key: record.key)
    }

    private static func tag(of hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 32)
    }
}
