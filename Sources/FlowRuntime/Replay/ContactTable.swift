/// The replay's contacts by id. Ids are opaque: two ids are the same contact when their UTF-8
/// bytes are the same (as for message ids and A/B buckets, which hash the bytes), so "K" and the
/// Kelvin sign, or composed and decomposed "é", are different contacts, although Swift's
/// `String ==` would call them equal.
///
/// A `Dictionary` keyed by id compared the id with every key on the probe path (2.7 compares a
/// look-up on the demo log) and cost ~360 instructions a look-up, ~850 an insertion. Here each
/// slot keeps 32 bits of the id's hash beside the contact's position, so ids are compared only
/// when those bits match. The hash mixes the bytes a word at a time instead of SipHash: the ids
/// come from the user's own log, so a hash that is fast rather than hardened against chosen
/// collisions is the right trade here.
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
        let hash = Self.hash(id)
        if case .found(let position) = probe(id, hash: hash) { return states[position] }
        return nil
    }

    /// The contact with this id, made by `make` and added first when there is none.
    mutating func contact(_ id: String, orMake make: () -> ContactState) -> ContactState {
        let hash = Self.hash(id)
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
                if Self.sameBytes(states[position].id, id) { return .found(position: position) }
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
            let hash = Self.hash(contact.id)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Self.slotValue(hash: hash, position: position)
        }
        slots = larger
    }

    private static func slotValue(hash: UInt64, position: Int) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(position + 1)
    }

    /// Whether the two ids have the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        if StringWords.available {
            let first = StringWords(a), second = StringWords(b)
            if first == second { return true } // the same small string, or the same storage
            if first.isSmallASCII, second.isSmallASCII { return false } // the words are the bytes
        }
        guard a.utf8.count == b.utf8.count else { return false }
        var (first, second) = (a, b)
        return first.withUTF8 { first in second.withUTF8 { first.elementsEqual($0) } }
    }

    /// `mix` of the id's UTF-8. A small ASCII string (most ids: up to 15 bytes, stored in
    /// the string's own two words, the count in the top byte) is read from those words, which
    /// hold the bytes just as `mix` reads them: the first eight, then the rest zero-padded.
    static func hash(_ id: String) -> UInt64 {
        if StringWords.available {
            let words = StringWords(id)
            if words.isSmallASCII {
                let count = Int(words.high >> 56 & 0x0F)
                let first = UInt64(littleEndian: words.low), second = UInt64(littleEndian: words.high) & 0x00FF_FFFF_FFFF_FFFF
                var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
                if count > 0 { hash = fold(hash, first) }
                if count > 8 { hash = fold(hash, second) }
                return finish(hash)
            }
        }
        var id = id
        return id.withUTF8 { mix($0) }
    }

    /// The bytes, 8 at a time (the last word zero-padded), folded by multiply and xor-shift,
    /// then finished so that every bit of the result depends on every byte.
    static func mix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return finish(hash) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            hash = fold(hash, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        let left = bytes.count - index
        if left > 0 {
            var word: UInt64 = 0
            if bytes.count >= 8 { // the last 8 bytes, shifted so that the ones already folded drop out
                word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) >> UInt64(8 * (8 - left))
            } else {
                for offset in 0..<left { word |= UInt64(base[index + offset]) << UInt64(8 * offset) }
            }
            hash = fold(hash, word)
        }
        return finish(hash)
    }

    /// Spreads every bit of `hash` over the result (the last step of MurmurHash3).
    @inline(__always)
    private static func finish(_ hash: UInt64) -> UInt64 {
        let spread = (hash ^ hash >> 33) &* 0xFF51_AFD7_ED55_8CCD
        return spread ^ spread >> 33
    }

    @inline(__always)
    private static func fold(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ mixed >> 31
    }
}
