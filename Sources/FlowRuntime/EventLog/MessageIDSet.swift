#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `messageId`s seen so far, for de-duplication over a whole log of millions of events.
///
/// Ids are compared by their exact UTF-8 bytes, kept in one growing byte arena (no String per
/// id); an open-addressing table holds a 64-bit hash of each id, so a lookup compares bytes only
/// on a full hash match and growing never rehashes an id. The hash is fast, not keyed: fine for
/// the logs a user replays, not meant to resist crafted collisions.
struct MessageIDSet {
    private struct Slot {
        /// 0 marks an empty slot (real hashes are never 0).
        var hash: UInt64 = 0
        var offset = 0
        var length = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var arena: [UInt8] = []
    private(set) var count = 0

    /// Adds `id`; false if it was already there.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = MessageIDSet.hash(id)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].hash != 0 {
            if slots[index].hash == hash, storedBytesEqual(slots[index], id) { return false }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, offset: arena.count, length: id.count)
        arena.append(contentsOf: id)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return true
    }

    private func storedBytesEqual(_ slot: Slot, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        guard slot.length == id.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress, let idBase = id.baseAddress else { return id.isEmpty }
            return memcmp(storedBase + slot.offset, idBase, slot.length) == 0
        }
    }

    private mutating func grow() {
        var larger = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = larger.count - 1
        for slot in slots where slot.hash != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while larger[index].hash != 0 { index = (index + 1) & mask }
            larger[index] = slot
        }
        slots = larger
    }

    /// A multiply-mix hash over 8-byte words; never 0.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(bytes.count) &* multiplier
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                hash = (hash ^ word) &* multiplier
                hash ^= hash >> 32
                index += 8
            }
        }
        var tail: UInt64 = 0
        for byte in bytes[index...].reversed() { tail = tail << 8 | UInt64(byte) }
        hash = (hash ^ tail) &* multiplier
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return hash == 0 ? 1 : hash
    }
}
