import CSHA256

/// SHA-256 (FIPS 180-4), self-contained: message ids need nothing else from a crypto library.
/// Blocks are compressed with the x86 SHA instructions where the CPU has them (`CSHA256`),
/// else by the portable code here.
public enum SHA256 {
    /// How blocks are compressed.
    enum Compressor {
        case portable
        case hardware
    }

    /// The CPU's SHA instructions when it has them, else the portable code.
    static let fastest: Compressor = flowc_sha256_hardware_available() ? .hardware : .portable

    private static let initialState = SIMD8<UInt32>(
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    )

    /// The 32-byte digest of `message`.
    public static func hash(_ message: some Collection<UInt8>) -> [UInt8] {
        let words = Array(message).withUnsafeBytes { digestWords($0) }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for index in 0..<8 {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: words[index] >> UInt32(shift))) }
        }
        return digest
    }

    /// The digest of `message` as eight big-endian words, computed without allocating.
    static func digestWords(_ message: UnsafeRawBufferPointer, using compressor: Compressor = fastest) -> SIMD8<UInt32> {
        var state = initialState
        let wholeBlocks = message.count / 64 * 64
        func compress(_ blocks: UnsafeRawBufferPointer) {
            switch compressor {
            case .hardware:
                withUnsafeMutableBytes(of: &state) { words in
                    flowc_sha256_hardware_compress(
                        words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                        blocks.baseAddress!.assumingMemoryBound(to: UInt8.self), blocks.count / 64)
                }
            case .portable:
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                    for start in stride(from: 0, to: blocks.count, by: 64) {
                        portableCompress(UnsafeRawBufferPointer(rebasing: blocks[start..<start + 64]), into: &state, schedule: schedule)
                    }
                }
            }
        }
        if wholeBlocks > 0 { compress(UnsafeRawBufferPointer(rebasing: message[..<wholeBlocks])) }
        // The rest, 0x80, zeros, and the bit length (big-endian) fill one or two last blocks.
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
            let rest = message.count - wholeBlocks
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            UnsafeMutableRawBufferPointer(rebasing: tail[..<rest]).copyMemory(from: UnsafeRawBufferPointer(rebasing: message[wholeBlocks...]))
            tail[rest] = 0x80
            let tailLength = rest + 1 + 8 <= 64 ? 64 : 128
            let bitLength = UInt64(message.count) &* 8
            for index in 0..<8 {
                tail[tailLength - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * index))
            }
            compress(UnsafeRawBufferPointer(rebasing: tail[..<tailLength]))
        }
        return state
    }

    /// One 64-byte block into the running state, in portable code.
    private static func portableCompress(
        _ block: UnsafeRawBufferPointer, into state: inout SIMD8<UInt32>, schedule w: UnsafeMutableBufferPointer<UInt32>
    ) {
        for i in 0..<16 {
            let j = 4 * i
            w[i] = UInt32(block[j]) << 24 | UInt32(block[j + 1]) << 16 | UInt32(block[j + 2]) << 8 | UInt32(block[j + 3])
        }
        for i in 16..<64 {
            let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        let roundConstants = flowc_sha256_round_constants()!
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        for i in 0..<64 {
            let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ sum1 &+ choice &+ roundConstants[i] &+ w[i]
            let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = sum0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }

    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
