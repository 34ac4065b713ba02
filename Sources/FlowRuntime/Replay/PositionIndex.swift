/// Where the entries of a `SmallMap` or `EntryRecords` are, by key hash: open addressing with
/// linear probing over slots of four bytes (an entry's position plus one; 0 marks an empty
/// slot), built at most half full and built again, twice the size, past three quarters. A
/// `Dictionary` of positions cost 40 to 50 bytes an entry, most of a contact's state once it has
/// many entry keys; this costs 5 to 11 (at most half full it cost 8 to 16; a probe past three
/// quarters still reads about nine slots, within a cache line or two). Keys are compared by
/// the caller, in its entries.
struct PositionIndex {
    private var slots: [UInt32]
    private var mask: Int { slots.count - 1 }

    /// An empty index with room for `count` positions.
    init(roomFor count: Int) {
        var capacity = 32
        while capacity < 2 * count { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
    }

    /// Whether `count` positions exceed what it holds at most (then build a larger one).
    func isFull(with count: Int) -> Bool {
        4 * count > 3 * slots.count
    }

    /// The position among those filed under `hash` whose key `isKey` accepts.
    func position(hash: Int, where isKey: (Int) -> Bool) -> Int? {
        var slot = hash & mask
        while case let stored = slots[slot], stored != 0 {
            if isKey(Int(stored - 1)) { return Int(stored - 1) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Files `position` under `hash`; the key must not be in the index yet.
    mutating func insert(_ position: Int, hash: Int) {
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(position + 1)
    }

    /// Files the pair that moved from `old` to `new` (its key has `hash`) under its new position.
    mutating func move(_ old: Int, to new: Int, hash: Int) {
        var slot = hash & mask
        while slots[slot] != UInt32(old + 1) { slot = (slot + 1) & mask }
        slots[slot] = UInt32(new + 1)
    }

    /// Takes `position` (its key has `hash`) out, moving later slots of the same probe run back
    /// into the gap so that every position stays reachable from its home slot; `hashAt` gives
    /// the hash of the key at a position.
    mutating func remove(_ position: Int, hash: Int, hashAt: (Int) -> Int) {
        var hole = hash & mask
        while slots[hole] != UInt32(position + 1) { hole = (hole + 1) & mask }
        slots[hole] = 0
        var next = (hole + 1) & mask
        while case let stored = slots[next], stored != 0 {
            let home = hashAt(Int(stored - 1)) & mask
            // Moves back unless its home lies after the hole, up to where it is now.
            if (next - home) & mask >= (next - hole) & mask {
                slots[hole] = stored
                slots[next] = 0
                hole = next
            }
            next = (next + 1) & mask
        }
    }
}

extension PositionIndex? {
    /// Files the entry just appended at `position` (the last of `position + 1`) under `hash`,
    /// which is asked for only when there is an index. With no index yet, one is built once
    /// there are `indexedCount` entries; a full one is built again, larger. `hashAt` gives the
    /// hash of the entry at a position, for building.
    mutating func fileAppended(_ position: Int, hash: @autoclosure () -> Int, indexedCount: Int, hashAt: (Int) -> Int) {
        let count = position + 1
        if var index = self, !index.isFull(with: count) {
            self = nil // taken out while changed, so it is not copied
            index.insert(position, hash: hash())
            self = index
        } else if self != nil || count >= indexedCount {
            var index = PositionIndex(roomFor: count)
            for filed in 0..<count { index.insert(filed, hash: hashAt(filed)) }
            self = index
        }
    }
}
