#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines with large buffered reads: no per-line allocation, a line is
/// a view into the buffer. Lines end at LF; a CR before the LF is dropped; a last line without
/// LF counts. A line longer than the buffer grows it.
final class LineSource {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Unconsumed data is `start..<end`; `searched` is how far from `start` no LF was found.
    private var start = 0
    private var end = 0
    private var searched = 0
    private var atEndOfInput: Bool
    private let descriptor: Int32
    private let closesDescriptor: Bool

    /// Small enough that the buffer stays in the core's own cache, where the kernel copies the
    /// bytes in and the scanner reads them right after: with 1 MiB reads the copy alone took
    /// ~9% of the CPU time of a cart benchmark run, with 64 KiB ~4%.
    static let readSize = 1 << 16

    /// Reads from an open file descriptor (closed at the end when `closesDescriptor`).
    init(descriptor: Int32, closesDescriptor: Bool) {
        capacity = LineSource.readSize
        buffer = .allocate(capacity: capacity)
        self.descriptor = descriptor
        self.closesDescriptor = closesDescriptor
        atEndOfInput = false
    }

    /// Reads from bytes in memory.
    init(bytes: [UInt8]) {
        capacity = max(bytes.count, 1)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.initialize(from: base, count: source.count) }
        }
        buffer = storage
        end = bytes.count
        descriptor = -1
        closesDescriptor = false
        atEndOfInput = true
    }

    deinit {
        buffer.deallocate()
        if closesDescriptor { _ = close(descriptor) }
    }

    /// The next line without its terminator, valid until the next call; nil at the end.
    /// Throws the `errno` of a failed read.
    func nextLine() throws(ReadFailure) -> UnsafeBufferPointer<UInt8>? {
        while true {
            let unsearched = start + searched
            if let newline = memchr(buffer + unsearched, 0x0A, end - unsearched) {
                let lineEnd = UnsafeMutablePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - buffer
                return take(upTo: lineEnd, next: lineEnd + 1)
            }
            searched = end - start
            if atEndOfInput {
                return start < end ? take(upTo: end, next: end) : nil
            }
            try refill()
        }
    }

    /// The line without a leading UTF-8 byte order mark.
    static func droppingByteOrderMark(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard line.starts(with: [0xEF, 0xBB, 0xBF]) else { return line }
        return UnsafeBufferPointer(rebasing: line.dropFirst(3))
    }

    private func take(upTo lineEnd: Int, next: Int) -> UnsafeBufferPointer<UInt8> {
        var last = lineEnd
        if last > start, buffer[last - 1] == 0x0D { last -= 1 }
        let line = UnsafeBufferPointer(start: buffer + start, count: last - start)
        start = next
        searched = 0
        return line
    }

    /// Moves the partial line to the front, grows the buffer if it is full, and reads more.
    private func refill() throws(ReadFailure) {
        if start > 0 {
            memmove(buffer, buffer + start, end - start)
            end -= start
            start = 0
        }
        if end == capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        while true {
            let count = read(descriptor, buffer + end, capacity - end)
            if count > 0 {
                end += count
                return
            }
            if count == 0 {
                atEndOfInput = true
                return
            }
            if errno != EINTR { throw ReadFailure(code: errno) }
        }
    }
}

/// A failed `read`, with its `errno`.
struct ReadFailure: Error {
    var code: Int32

    var message: String { String(cString: strerror(code)) }
}
