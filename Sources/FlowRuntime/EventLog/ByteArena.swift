/// Byte strings kept one after another in chunks that never move, each found again by the
/// 32-bit location `append` returns: growing allocates a new chunk and copies nothing (with
/// millions of message ids an array doubling its storage would copy and page in everything
/// again and again), and no table of locations is kept (the caller keeps the 4 bytes).
final class ByteArena {
    /// Strings start on 4-byte units, each behind its length as a `UInt32`.
    private static let unit = 4
    /// log2 of a chunk's size in units (a chunk is 1 MiB).
    private static let unitsPerChunkBits = 18
    private static let chunkSize = unit << unitsPerChunkBits
    /// Chunks a 32-bit location can name: 16 GiB of ids.
    private static let maxChunks = 1 << (32 - unitsPerChunkBits)

    // Unchecked: touched once per event, never while another access is open, and a dynamic
    // exclusivity check each time would cost more than the work itself.
    @exclusivity(unchecked) private var chunks: [UnsafeMutableRawPointer] = []
    /// Bytes used in the last chunk (a full chunk until the first append).
    @exclusivity(unchecked) private var used = ByteArena.chunkSize

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    /// Stores `bytes` and returns where they are; nil when the arena is full (16 GiB).
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let size = MemoryLayout<UInt32>.size + bytes.count
        guard size <= Int(UInt32.max) else { return nil }
        if used + size > ByteArena.chunkSize {
            guard chunks.count < ByteArena.maxChunks else { return nil }
            // A string longer than a chunk gets one of its own size.
            chunks.append(.allocate(byteCount: max(size, ByteArena.chunkSize), alignment: ByteArena.unit))
            used = 0
        }
        let start = chunks[chunks.count - 1] + used
        start.storeBytes(of: UInt32(bytes.count), as: UInt32.self)
        if let base = bytes.baseAddress { (start + MemoryLayout<UInt32>.size).copyMemory(from: base, byteCount: bytes.count) }
        let location = UInt32(chunks.count - 1) << ByteArena.unitsPerChunkBits | UInt32(used / ByteArena.unit)
        // A string with a chunk of its own fills it.
        used = size > ByteArena.chunkSize ? ByteArena.chunkSize : used + (size + ByteArena.unit - 1) & ~(ByteArena.unit - 1)
        return location
    }

    /// The string stored at `location`, valid until the arena goes away.
    subscript(location: UInt32) -> UnsafeBufferPointer<UInt8> {
        let chunk = chunks[Int(location >> ByteArena.unitsPerChunkBits)]
        let start = chunk + Int(location & (1 << ByteArena.unitsPerChunkBits - 1)) * ByteArena.unit
        let count = Int(start.load(as: UInt32.self))
        return UnsafeBufferPointer(start: (start + MemoryLayout<UInt32>.size).assumingMemoryBound(to: UInt8.self), count: count)
    }
}
