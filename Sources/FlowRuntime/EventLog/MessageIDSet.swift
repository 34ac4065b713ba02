#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CPrefetch

/// The `messageId`s seen so far, for de-duplication over a whole log of millions of events.
///
/// Ids are compared by their exact UTF-8 bytes, kept one after another in a `ByteArena` (no
/// String per id). The open-addressing table is small, because de-duplication touches it at
/// a random place for every line: a slot is 8 bytes, the top 32 bits of the id's 64-bit hash
/// and where the id is in the arena. The table is indexed by the top bits of the hash, so
/// growing it keeps every entry's neighbourhood and needs no rehashing; bytes are compared only
/// when the 32 bits match. The hash is `StringBytes.mix`: fast, not keyed, fine for the logs a
/// user replays, not meant to resist crafted collisions.
struct MessageIDSet: ~Copyable { // not copyable: copies would share `slots`
    fileprivate struct Slot {
        /// The top 32 bits of the id's hash.
        var tag: UInt32 = 0
        /// The id's location in the arena plus one; 0 marks an empty slot.
        var location: UInt32 = 0
    }

    /// log2 of the slot count.
    private var indexBits = 10
    private var slots = SlotTable(count: 1 << 10)
    /// The ids' bytes.
    private let ids = ByteArena()

    private(set) var count = 0

    /// Adds `id`; false if it was already there.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let tag = MessageIDSet.tag(of: id)
        let table = slots.base
        let mask = slots.count - 1
        var index = MessageIDSet.home(of: tag, indexBits: indexBits)
        while table[index].location != 0 {
            if table[index].tag == tag, storedBytesEqual(table[index].location - 1, id) { return false }
            index = (index + 1) & mask
        }
        // Beyond 16 GiB of ids there is no more room to remember: the id counts as new.
        guard let location = ids.append(id), location < UInt32.max else { return true }
        table[index] = Slot(tag: tag, location: location + 1)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return true
    }

    /// Starts loading, without waiting, the slot where inserting `id` will look first: a hint
    /// given while the rest of the id's line is decoded (the table is too large for the cache,
    /// and every id lands at a random place in it).
    func prefetch(_ id: UnsafeBufferPointer<UInt8>) {
        flowc_prefetch(slots.base + MessageIDSet.home(of: MessageIDSet.tag(of: id), indexBits: indexBits))
    }

    /// The top 32 bits of the id's hash, which a slot keeps.
    @inline(__always)
    private static func tag(of id: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(truncatingIfNeeded: StringBytes.mix(id) >> 32)
    }

    /// The slot where a tag's probe starts: its top `indexBits` bits.
    @inline(__always)
    private static func home(of tag: UInt32, indexBits: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(tag) &<< 32) &>> (64 - indexBits))
    }

    private func storedBytesEqual(_ location: UInt32, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let stored = ids[location]
        guard stored.count == id.count else { return false }
        guard let storedBase = stored.baseAddress, let idBase = id.baseAddress else { return id.isEmpty }
        return memcmp(storedBase, idBase, id.count) == 0
    }

    /// Doubles the table. Entries are visited in table order, which is (nearly) home order, so
    /// they land in the new table in order too.
    private mutating func grow() {
        indexBits += 1
        let larger = SlotTable(count: 1 << indexBits)
        let mask = larger.count - 1
        for slot in UnsafeBufferPointer(start: slots.base, count: slots.count) where slot.location != 0 {
            var index = MessageIDSet.home(of: slot.tag, indexBits: indexBits)
            while larger.base[index].location != 0 { index = (index + 1) & mask }
            larger.base[index] = slot
        }
        slots = larger
    }
}

/// The zeroed slots of a `MessageIDSet`, in memory of their own (no copy-on-write checks on
/// the per-line path).
private final class SlotTable {
    let base: UnsafeMutablePointer<MessageIDSet.Slot>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: MessageIDSet.Slot(), count: count)
    }

    deinit {
        base.deallocate()
    }
}
