import TestSupport
import Testing
@testable import FlowRuntime

@Suite struct IdentityTests {
    // FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesStandardVectors(message: String, digest: String) {
        #expect(MessageID.hex(SHA256.hash(message.utf8)) == digest)
    }

    @Test func sha256OfOneMillionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(MessageID.hex(SHA256.hash(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256AcrossPaddingBoundaries() {
        // 55, 56 and 64 bytes change how the length fits into the last block.
        // python3 -c 'import hashlib; print(hashlib.sha256(b"a"*55).hexdigest())' (and 56, 64)
        #expect(MessageID.hex(SHA256.hash([UInt8](repeating: 0x61, count: 55)))
            == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(MessageID.hex(SHA256.hash([UInt8](repeating: 0x61, count: 56)))
            == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(MessageID.hex(SHA256.hash([UInt8](repeating: 0x61, count: 64)))
            == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    /// The x86 SHA instructions and the portable code agree on messages of every length up to
    /// several blocks (random bytes, seeded). On a CPU without the instructions only the
    /// portable code runs, and the vectors above check it.
    @Test(.enabled(if: SHA256.fastest == .hardware)) func hardwareAndPortableCompressionAgree() {
        var generator = SeededGenerator(seed: 0x5348_4132)
        for length in 0...300 {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            message.withUnsafeBytes { bytes in
                #expect(SHA256.digestWords(bytes, using: .hardware) == SHA256.digestWords(bytes, using: .portable), "length \(length)")
            }
        }
    }

    // Expected ids: python3 -c 'import hashlib; print(hashlib.sha256("\n".join(
    //   ["abandoned-cart","u1","k1","1","reminder","1"]).encode()).hexdigest()[:32])'
    @Test func messageIDsAreTheSHA256PrefixOfTheJoinedFields() {
        #expect(MessageID.make(flow: "abandoned-cart", contact: "u1", key: "k1", entry: 1, step: "reminder", visit: 1).description
            == "8d71b225c3c805f5ad51f101af3a847c")
        #expect(MessageID.make(flow: "welcome", contact: "u1", key: "", entry: 1, step: "#2", visit: 1).description
            == "c707b03e855a1f8a16d9c6aa6553a8e2")
        #expect(MessageID.make(flow: "welcome", contact: "ünï", key: "", entry: 2, step: "#2", visit: 3).description
            == "6c8cc8c4156510081060386304eb0f3f")
        #expect(MessageID.make(flow: "vip", contact: "u-77", key: "order #9", entry: 1_234_567, step: "thank-you", visit: 10).description
            == "a7d639ea9e746a92fab6a0aafe35f8c6")
    }

    @Test func messageIDsDependOnEveryField() {
        let base = MessageID.make(flow: "f", contact: "c", key: "k", entry: 1, step: "s", visit: 1)
        #expect(base.description.count == 32)
        #expect(base.description.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(MessageID.make(flow: "f", contact: "c", key: "k", entry: 1, step: "s", visit: 2) != base)
        #expect(MessageID.make(flow: "f", contact: "c", key: "k", entry: 2, step: "s", visit: 1) != base)
        #expect(MessageID.make(flow: "f", contact: "c", key: "", entry: 1, step: "s", visit: 1) != base)
    }

    // Expected hashes: python3 -c 'h=14695981039346656037
    //   for b in "abandoned-cart:discount:u1".encode(): h=((h^b)*1099511628211)%2**64
    //   print(h, h%100)'
    /// Hex digits written a word at a time match digits written one by one, and read back to
    /// the same id, for random ids and the extremes.
    @Test func messageIDTextRoundTrips() {
        var random = SeededGenerator(seed: 11)
        var ids = [MessageID(high: 0, low: 0), MessageID(high: .max, low: .max), MessageID(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210)]
        for _ in 0..<500 { ids.append(MessageID(high: random.next(), low: random.next())) }
        for id in ids {
            let expected = [id.high, id.low].map { word in
                (0..<16).map { String(word >> UInt64(60 - 4 * $0) & 0xF, radix: 16) }.joined()
            }.joined()
            #expect(id.description == expected)
            #expect(MessageID(hex: expected) == id)
        }
    }

    /// Only 32 lowercase hex digits are an id: feedback naming a message any other way names none.
    @Test func messageIDTextIsExactly32LowercaseHexDigits() {
        let id = "8d71b225c3c805f5ad51f101af3a847c"
        #expect(MessageID(hex: id)?.description == id)
        for text in [id.uppercased(), String(id.dropLast()), id + "0", "", "8d71b225c3c805f5ad51f101af3a847g", " " + id.dropFirst(),
                     "8d71b225c3c805f5ad51f101af3a847\u{E9}"] {
            #expect(MessageID(hex: text) == nil, "\(text)")
        }
    }

    @Test func bucketsAreFNV1a64Mod100() {
        #expect(Bucket.fnv1a64("".utf8) == 14_695_981_039_346_656_037)
        #expect(Bucket.fnv1a64("abandoned-cart:discount:u1".utf8) == 13_023_467_304_571_288_907)
        #expect(Bucket.of(flow: "abandoned-cart", step: "discount", contact: "u1") == 7)
        #expect(Bucket.of(flow: "welcome", step: "#2", contact: "u42") == 65)
        #expect(Bucket.of(flow: "winback", step: "split-1", contact: "anna@example.com") == 55)
    }

    @Test func pickTakesConsecutiveRangesInListedOrder() {
        #expect(Bucket.pick(weights: [50, 50], bucket: 0) == 0)
        #expect(Bucket.pick(weights: [50, 50], bucket: 49) == 0)
        #expect(Bucket.pick(weights: [50, 50], bucket: 50) == 1)
        #expect(Bucket.pick(weights: [50, 50], bucket: 99) == 1)
        #expect(Bucket.pick(weights: [10, 0, 90], bucket: 10) == 2)
        #expect(Bucket.pick(weights: [20, 30, 50], bucket: 20) == 1)
        #expect(Bucket.pick(weights: [20, 30, 50], bucket: 49) == 1)
        #expect(Bucket.pick(weights: [30, 30], bucket: 60) == nil)
        #expect(Bucket.pick(weights: [], bucket: 0) == nil)
    }
}
