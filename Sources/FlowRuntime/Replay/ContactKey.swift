/// A contact id as the key of the replay's contact table. Ids are opaque: two ids are the same
/// contact when their UTF-8 bytes are the same (as for message ids and A/B buckets, which hash
/// the bytes), so "K" and the Kelvin sign, or composed and decomposed "é", are different
/// contacts, although Swift's `String ==` would call them equal.
///
/// Hashing a `String` runs SipHash over every byte, and that cost as much as the rest of finding
/// the contact. This key mixes the bytes a word at a time with the table's seed instead
/// (`_rawHashValue(seed:)`, the hook `Dictionary` calls, is implemented for that). The ids come
/// from the user's own log, so a hash that is fast rather than hardened against chosen
/// collisions is the right trade here.
struct ContactKey: Hashable {
    let id: String

    init(_ id: String) {
        self.id = id
    }

    static func == (a: ContactKey, b: ContactKey) -> Bool {
        if StringWords.available {
            let first = StringWords(a.id), second = StringWords(b.id)
            if first == second { return true } // the same small string, or the same storage
            if first.isSmallASCII, second.isSmallASCII { return false } // the words are the bytes
        }
        guard a.id.utf8.count == b.id.utf8.count else { return false }
        var (first, second) = (a.id, b.id)
        return first.withUTF8 { first in second.withUTF8 { first.elementsEqual($0) } }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(Self.digest(id, seed: 0))
    }

    func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: Self.digest(id, seed: UInt64(truncatingIfNeeded: seed)))
    }

    /// `mix` of the id's UTF-8. A small ASCII string (most ids: up to 15 bytes, stored in the
    /// string's own two words, the count in the top byte) is read from those words, which hold
    /// the bytes just as `mix` reads them: the first eight, then the rest zero-padded.
    private static func digest(_ id: String, seed: UInt64) -> UInt64 {
        if StringWords.available {
            let words = StringWords(id)
            if words.isSmallASCII {
                let count = Int(words.high >> 56 & 0x0F)
                let first = UInt64(littleEndian: words.low), second = UInt64(littleEndian: words.high) & 0x00FF_FFFF_FFFF_FFFF
                var hash = seed ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15
                if count > 0 { hash = fold(hash, first) }
                if count > 8 { hash = fold(hash, second) }
                return finish(hash)
            }
        }
        var id = id
        return id.withUTF8 { mix($0, seed: seed) }
    }

    /// The bytes, 8 at a time (the last word zero-padded), folded by multiply and xor-shift,
    /// then finished so that every bit of the result depends on every byte.
    static func mix(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var hash = seed ^ UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
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
