/// Strings as their UTF-8 bytes, for the replay's own tables: contact ids and entry keys are
/// opaque, so two of them are the same when their bytes are (as for message ids and A/B
/// buckets, which hash the bytes). "K" and the Kelvin sign, or composed and decomposed "é", are
/// different ids, although Swift's `String ==` would call them equal.
///
/// The hash mixes the bytes a word at a time instead of SipHash over each: the text comes from
/// the user's own log, so a hash that is fast rather than hardened against chosen collisions is
/// the right trade here.
enum StringBytes {
    /// Whether the two strings have the same UTF-8 bytes.
    static func equal(_ a: String, _ b: String) -> Bool {
        if StringWords.available {
            let first = StringWords(a), second = StringWords(b)
            if first == second { return true } // the same small string, or the same storage
            if first.isSmallASCII, second.isSmallASCII { return false } // the words are the bytes
        }
        guard a.utf8.count == b.utf8.count else { return false }
        var (first, second) = (a, b)
        return first.withUTF8 { first in second.withUTF8 { first.elementsEqual($0) } }
    }

    /// Whether the string's UTF-8 is `bytes`.
    static func equal(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        var text = text
        return text.withUTF8 { $0.elementsEqual(bytes) }
    }

    /// Whether both are nil, or both strings with the same UTF-8 bytes.
    static func equal(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): equal(a, b)
        default: false
        }
    }

    /// `mix` of the text's UTF-8. A small ASCII string (most ids: up to 15 bytes, stored in
    /// the string's own two words, the count in the top byte) is read from those words, which
    /// hold the bytes just as `mix` reads them: the first eight, then the rest zero-padded.
    static func hash(_ text: String) -> UInt64 {
        if StringWords.available {
            let words = StringWords(text)
            if words.isSmallASCII {
                let count = Int(words.high >> 56 & 0x0F)
                let first = UInt64(littleEndian: words.low), second = UInt64(littleEndian: words.high) & 0x00FF_FFFF_FFFF_FFFF
                var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
                if count > 0 { hash = fold(hash, first) }
                if count > 8 { hash = fold(hash, second) }
                return finish(hash)
            }
        }
        var text = text
        return text.withUTF8 { mix($0) }
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
