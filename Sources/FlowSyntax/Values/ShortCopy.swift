/// Copies the short runs of bytes that output records and packed objects are made of: up to 32
/// bytes with a few overlapping loads and stores instead of a call to `memcpy`.
public enum ShortCopy {
    /// Copies `count` bytes from `source` to `target` (the two must not overlap).
    @inlinable @inline(__always)
    public static func copy(from source: UnsafeRawPointer, count: Int, to target: UnsafeMutableRawPointer) {
        switch count {
        case 17...32:
            let head = source.loadUnaligned(as: SIMD2<UInt64>.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 16, as: SIMD2<UInt64>.self)
            target.storeBytes(of: head, as: SIMD2<UInt64>.self)
            target.storeBytes(of: tail, toByteOffset: count - 16, as: SIMD2<UInt64>.self)
        case 8...16:
            let head = source.loadUnaligned(as: UInt64.self), tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let head = source.loadUnaligned(as: UInt32.self), tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        case 1..<4:
            for index in 0..<count {
                target.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
            }
        case 0:
            break
        default:
            target.copyMemory(from: source, byteCount: count)
        }
    }
}
