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
/// Ids are compared by their exact UTF-8 bytes (escapes decoded). The open-addressing table is
/// small, because de-duplication touches it at a random place for every line: a slot is 8
/// bytes, the top 32 bits of the id's 64-bit hash and where the id is. The table is indexed by
/// the top bits of the hash, so growing it keeps every entry's neighbourhood and needs no
/// rehashing; ids are compared only when the 32 bits match. The hash is `StringBytes.mix`:
/// fast, not keyed, fine for the logs a user replays, not meant to resist crafted collisions.
///
/// Where the ids are depends on the log:
/// - a log that can be read again (a regular file, bytes in memory) keeps them itself: a slot
///   holds the id's line number, and the line is read again to compare (`LineSource.rereadLine`),
///   which happens for a duplicate and about once in four billion probes otherwise;
/// - a pipe cannot be read again: the ids are copied, one after another, into a `ByteArena`.
struct MessageIDSet: ~Copyable { // not copyable: copies would share `slots`
    fileprivate struct Slot {
        /// The top 32 bits of the id's hash.
        var tag: UInt32 = 0
        /// Where the id is (see `Store`) plus one; 0 marks an empty slot.
        var location: UInt32 = 0
    }

    /// Where the ids are, to compare them when their tags match.
    private enum Store {
        /// The log, read again: a location is the id's line number. (The scanner finding the id
        /// again builds nothing, but needs a state; one is kept rather than made per look.)
        case log(LineSource, JSONBuildState)
        /// Copies of the ids: a location is where in the arena.
        case arena(ByteArena)
    }

    /// log2 of the slot count.
    private var indexBits = 10
    private var slots = SlotTable(count: 1 << 10)
    private let store: Store
    /// Bits of the hash a tag keeps: all of them, but for tests that make tags match often.
    private let tagMask: UInt32

    private(set) var count = 0

    /// A set that copies the ids it keeps.
    init(tagMask: UInt32 = .max) {
        store = .arena(ByteArena())
        self.tagMask = tagMask
    }

    /// A set for the ids of the log `lines` reads: they stay there if the log can be read again.
    init(readingAgain lines: LineSource, tagMask: UInt32 = .max) {
        store = lines.isRereadable ? .log(lines, JSONBuildState()) : .arena(ByteArena())
        self.tagMask = tagMask
    }

    /// Adds `id`, the `messageId` of line `line` (counting from 1); false if it was already there.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>, line: Int) -> Bool {
        assert(line >= 1, "lines count from 1")
        let tag = MessageIDSet.tag(of: id) & tagMask
        let table = slots.base
        let mask = slots.count - 1
        var index = MessageIDSet.home(of: tag, indexBits: indexBits)
        while table[index].location != 0 {
            if table[index].tag == tag, storedBytesEqual(table[index].location - 1, id) { return false }
            index = (index + 1) & mask
        }
        // Beyond 4 billion lines, or 16 GiB of ids, there is no more room to remember: the id
        // counts as new.
        guard let location = location(for: id, line: line), location < UInt32.max else { return true }
        table[index] = Slot(tag: tag, location: location + 1)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return true
    }

    /// Where a new id is: its line, or where it was copied to.
    private func location(for id: UnsafeBufferPointer<UInt8>, line: Int) -> UInt32? {
        switch store {
        case .log: UInt32(exactly: line)
        case .arena(let ids): ids.append(id)
        }
    }

    /// Starts loading, without waiting, the slot where inserting `id` will look first: a hint
    /// given while the rest of the id's line is decoded (the table is too large for the cache,
    /// and every id lands at a random place in it).
    func prefetch(_ id: UnsafeBufferPointer<UInt8>) {
        flowc_prefetch(slots.base + MessageIDSet.home(of: MessageIDSet.tag(of: id) & tagMask, indexBits: indexBits))
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
        switch store {
        case .arena(let ids):
            return MessageIDSet.bytesEqual(ids[location], id)
        case .log(let lines, let state):
            // A line that cannot be read again (a read failed, the file shrank) has no id to match.
            return lines.rereadLine(Int(location)) { line in
                guard let stored = EventDecoder.messageID(in: line, state: state) else { return false }
                return stored.withBytes(in: line) { MessageIDSet.bytesEqual($0, id) }
            } ?? false
        }
    }

    private static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let aBase = a.baseAddress, let bBase = b.baseAddress else { return a.isEmpty }
        return memcmp(aBase, bBase, a.count) == 0
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
