/// Byte strings kept one after another in chunks that never move, each found again by its
/// number: growing allocates a new chunk and copies nothing (with millions of message ids an
/// array doubling its storage would copy and page in everything again and again).
final class ByteArena {
    private static let chunkSize = 1 << 20
    private static let lengthSize = MemoryLayout<Int>.size

    // Unchecked: touched once per event, never while another access is open, and a dynamic
    // exclusivity check each time would cost more than the work itself.
    @exclusivity(unchecked) private var chunks: [UnsafeMutableRawPointer] = []
    /// Bytes used in the last chunk (a full chunk until the first append).
    @exclusivity(unchecked) private var used = ByteArena.chunkSize
    /// Where each string is: chunk index in the high 32 bits, offset in the low 32.
    @exclusivity(unchecked) private var locations: [UInt64] = []

    var count: Int { locations.count }

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    /// Stores `bytes` (its length in front of it) as string number `count`.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let size = ByteArena.lengthSize + bytes.count
        if used + size > ByteArena.chunkSize {
            // A string longer than a chunk gets one of its own size.
            chunks.append(.allocate(byteCount: max(size, ByteArena.chunkSize), alignment: 8))
            used = 0
        }
        let start = chunks[chunks.count - 1] + used
        start.storeBytes(of: bytes.count, as: Int.self)
        if let base = bytes.baseAddress { (start + ByteArena.lengthSize).copyMemory(from: base, byteCount: bytes.count) }
        locations.append(UInt64(chunks.count - 1) << 32 | UInt64(used))
        // Lengths stay 8-byte aligned; a string with a chunk of its own fills it.
        used = size > ByteArena.chunkSize ? ByteArena.chunkSize : used + (size + 7) & ~7
    }

    /// String number `number`, valid until the arena goes away.
    subscript(number: Int) -> UnsafeBufferPointer<UInt8> {
        let location = locations[number]
        let start = chunks[Int(location >> 32)] + Int(location & 0xFFFF_FFFF)
        let count = start.load(as: Int.self)
        return UnsafeBufferPointer(start: (start + ByteArena.lengthSize).assumingMemoryBound(to: UInt8.self), count: count)
    }
}
