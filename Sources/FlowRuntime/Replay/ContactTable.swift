import CPrefetch

/// The replay's contacts by id. Ids are opaque: two ids are the same contact when their UTF-8
/// bytes are the same (see `StringBytes`).
///
/// A `Dictionary` keyed by id compared the id with every key on the probe path (2.7 compares a
/// look-up on the demo log) and cost ~360 instructions a look-up, ~850 an insertion. Here each
/// slot keeps 32 bits of the id's hash (`StringBytes.hash`) beside the contact's position, so
/// ids are compared only when those bits match.
struct ContactTable {
    /// Every contact, in order of first appearance.
    private(set) var states: [ContactState] = []
    /// Open addressing with linear probing, at most half full: 0 marks an empty slot, else the
    /// high 32 bits of the id's hash over the contact's position in `states` plus one. A
    /// contact's home slot is given by the low bits of the hash.
    private var slots = [UInt64](repeating: 0, count: 64)

    var count: Int { states.count }

    /// The contact with this id, if there is one.
    subscript(id: String) -> ContactState? {
        let hash = StringBytes.hash(id)
        if case .found(let position) = probe(id, hash: hash) { return states[position] }
        return nil
    }

    /// The contact with this id, made by `make` and added first when there is none. `hash` is
    /// the id's `StringBytes.hash`, which the caller often has already.
    mutating func contact(_ id: String, hash: UInt64, orMake make: () -> ContactState) -> ContactState {
        switch probe(id, hash: hash) {
        case .found(let position):
            return states[position]
        case .empty(let slot):
            let contact = make()
            states.append(contact)
            slots[slot] = Self.slotValue(hash: hash, position: states.count - 1)
            if 2 * states.count > slots.count { grow() }
            return contact
        }
    }

    /// How far a prefetch for an upcoming event's contact goes (see `prefetch`).
    enum PrefetchStage {
        /// The id's home slot.
        case slot
        /// The entry of `states` the home slot points to (read from that slot).
        case entry
        /// The contact object itself, all its cache lines.
        case contact
        /// What the contact object points to that replay reads next: see `ContactState.prefetchParts`.
        case parts
    }

    /// Starts loading, without waiting and without changing anything, what looking up the id
    /// whose `StringBytes.hash` is `hash` will read: a hint for an event a few places ahead.
    /// Each stage reads what the one before loaded, so replay runs them a few events apart,
    /// farthest first. Only the home slot is followed: most contacts are found there. (Mutating
    /// only so that a call on the replayer's stored table works on it in place: a read copied
    /// the table, retaining both arrays.)
    mutating func prefetch(hash: UInt64, _ stage: PrefetchStage) {
        slots.withUnsafeBufferPointer { slots in
            let slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            if case .slot = stage { return flowc_prefetch(slots.baseAddress! + slot) }
            let stored = slots[slot]
            guard stored != 0, stored >> 32 == hash >> 32 else { return }
            let position = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
            states.withUnsafeBufferPointer { states in
                let entry = UnsafeRawPointer(states.baseAddress! + position)
                if case .entry = stage { return flowc_prefetch(entry) }
                let object = entry.load(as: UnsafeRawPointer.self)
                // Borrowed, not retained: a retain would write to the object, and so wait for it.
                let contact = Unmanaged<ContactState>.fromOpaque(object)
                if case .parts = stage { return contact._withUnsafeGuaranteedRef { $0.prefetchParts() } }
                ContactState.prefetchObject(at: object)
            }
        }
    }

    private enum Probe {
        case found(position: Int)
        /// Not there: the empty slot that ended the probe.
        case empty(slot: Int)
    }

    private func probe(_ id: String, hash: UInt64) -> Probe {
        let mask = slots.count - 1
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let stored = slots[slot], stored != 0 {
            if stored >> 32 == tag {
                let position = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
                if StringBytes.equal(states[position].id, id) { return .found(position: position) }
            }
            slot = (slot + 1) & mask
        }
        return .empty(slot: slot)
    }

    /// Doubles the slots and files every contact again (the hash is made again from its id).
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: 2 * slots.count)
        let mask = larger.count - 1
        for (position, contact) in states.enumerated() {
            let hash = StringBytes.hash(contact.id)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Self.slotValue(hash: hash, position: position)
        }
        slots = larger
    }

    private static func slotValue(hash: UInt64, position: Int) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(position + 1)
    }
}
