import FlowSyntax
import TestSupport
import Testing

/// Short ASCII strings made in their small form are the strings the standard library makes,
/// word for word; anything not ASCII is left to the standard library.
@Suite struct SmallASCIIStringTests {
    @Test(.enabled(if: SmallASCIIString.isVerified, "this platform's small strings differ: none are made"))
    func madeStringsAreTheStandardLibrarysOwn() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...15, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...0x7F, using: &random) }
            let (low, high) = Self.words(bytes)
            let made = try #require(SmallASCIIString.make(low, high, count: count))
            let expected = String(decoding: bytes, as: UTF8.self)
            #expect(made == expected)
            #expect(unsafeBitCast(made, to: (UInt64, UInt64).self) == unsafeBitCast(expected, to: (UInt64, UInt64).self))
        }
    }

    @Test(.enabled(if: SmallASCIIString.isVerified, "this platform's small strings differ: none are made"))
    func nonASCIIBytesAreRefused() {
        for bytes in [Array("é".utf8), Array("abc\u{80}".utf8), [0xFF], Array("fifteen bytes!\u{7F}".utf8.prefix(14)) + [0xC3]] {
            let (low, high) = Self.words(bytes)
            #expect(SmallASCIIString.make(low, high, count: bytes.count) == nil, "\(bytes)")
        }
    }

    @Test(.enabled(if: SmallASCIIString.isVerified, "this platform's small strings differ: none are made"))
    func moreThanFifteenBytesAreRefused() {
        let (low, high) = Self.words(Array("sixteen bytes!!!".utf8.prefix(16)))
        #expect(SmallASCIIString.make(low, high, count: 16) == nil)
    }

    /// Up to 16 bytes as two little-endian words, zero-padded.
    private static func words(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: bytes) }
        return (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
    }
}
