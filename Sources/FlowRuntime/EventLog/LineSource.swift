#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines with large buffered reads: no per-line allocation, a line is
/// a view into the buffer. Lines end at LF; a CR before the LF is dropped, and so is a UTF-8
/// byte order mark at the start of the first line; a last line without LF counts. A line longer
/// than the buffer grows it.
///
/// Lines already returned can be read again (`rereadLine`) when the source is rereadable: bytes
/// in memory, or a regular file (read again with `pread`, or from the buffer while they are still
/// there). For that it keeps where every `checkpointSpacing`th line starts: 8 bytes per 16 lines.
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
    /// Where `buffer[0]` is in the input.
    private var bufferOffset: Int64
    /// Lines returned so far.
    private(set) var linesReturned = 0
    /// Where lines 1, 1 + `checkpointSpacing`, 1 + 2 × `checkpointSpacing`… start in the input;
    /// nil when the input cannot be read again.
    private var checkpoints: [Int64]?
    /// Where `rereadLine` reads lines from the file into.
    private var rereadBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 0)
    private var rereadCapacity = 0

    /// Whether lines returned can be read again (`rereadLine`).
    var isRereadable: Bool { checkpoints != nil }

    /// Lines from one checkpoint to the next.
    static let checkpointSpacing = 16

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
        var status = stat()
        let position = lseek(descriptor, 0, SEEK_CUR)
        let isRegularFile = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        bufferOffset = max(Int64(position), 0)
        checkpoints = isRegularFile && position >= 0 ? [] : nil
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
        bufferOffset = 0
        checkpoints = []
    }

    deinit {
        buffer.deallocate()
        rereadBuffer.deallocate()
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

    private func take(upTo lineEnd: Int, next: Int) -> UnsafeBufferPointer<UInt8> {
        if linesReturned % Self.checkpointSpacing == 0 { checkpoints?.append(bufferOffset + Int64(start)) }
        linesReturned += 1
        let line = Self.line(UnsafeBufferPointer(start: buffer + start, count: lineEnd - start), number: linesReturned)
        start = next
        searched = 0
        return line
    }

    /// The bytes of line `number` before its LF as a line: without a CR at the end, and the
    /// first without a UTF-8 byte order mark.
    private static func line(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) -> UnsafeBufferPointer<UInt8> {
        var line = bytes
        if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
        guard number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) else { return line }
        return UnsafeBufferPointer(rebasing: line.dropFirst(3))
    }

    /// Passes line `number` (counting from 1, one of the lines returned so far) to `body` as
    /// `nextLine` returned it; nil when the source is not rereadable, or the line cannot be read
    /// again (the file shrank, or a read failed).
    func rereadLine<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let checkpoints, number >= 1, number <= linesReturned else { return nil }
        let checkpoint = (number - 1) / Self.checkpointSpacing
        let offset = checkpoints[checkpoint]
        let linesBefore = (number - 1) % Self.checkpointSpacing
        if offset >= bufferOffset {
            // Still in the buffer, whole: a line leaves it only when a refill moves it out.
            let bytes = UnsafeBufferPointer(start: buffer + Int(offset - bufferOffset), count: end - Int(offset - bufferOffset))
            return Self.line(after: linesBefore, in: bytes, isWhole: true).map { body(Self.line($0, number: number)) }
        }
        // From the file: the lines from this checkpoint to the next, or a few KiB to start with.
        var wanted = checkpoint + 1 < checkpoints.count ? Int(checkpoints[checkpoint + 1] - offset) : 4096
        var filled = 0
        while true {
            if wanted > rereadCapacity { growRereadBuffer(to: wanted, keeping: filled) }
            let count = pread(descriptor, rereadBuffer + filled, wanted - filled, off_t(offset) + off_t(filled))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            filled += count
            let bytes = UnsafeBufferPointer(start: UnsafePointer(rereadBuffer), count: filled)
            if let line = Self.line(after: linesBefore, in: bytes, isWhole: count == 0) { return body(Self.line(line, number: number)) }
            if count == 0 { return nil }
            if filled == wanted { wanted *= 2 }
        }
    }

    private func growRereadBuffer(to capacity: Int, keeping count: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: rereadBuffer, count: count)
        rereadBuffer.deallocate()
        rereadBuffer = larger
        rereadCapacity = capacity
    }

    /// The bytes of the line after `linesBefore` others at the start of `bytes`, up to its LF;
    /// nil if `bytes` end before it does, unless they are `isWhole` (then it ends with them).
    private static func line(after linesBefore: Int, in bytes: UnsafeBufferPointer<UInt8>,
                             isWhole: Bool) -> UnsafeBufferPointer<UInt8>? {
        guard let base = bytes.baseAddress else { return isWhole && linesBefore == 0 ? bytes : nil }
        var lineStart = 0
        for _ in 0..<linesBefore {
            guard let newline = memchr(base + lineStart, 0x0A, bytes.count - lineStart) else { return nil }
            lineStart = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - base + 1
        }
        let rest = bytes.count - lineStart
        if let newline = memchr(base + lineStart, 0x0A, rest) {
            let lineEnd = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - base
            return UnsafeBufferPointer(start: base + lineStart, count: lineEnd - lineStart)
        }
        return isWhole ? UnsafeBufferPointer(start: base + lineStart, count: rest) : nil
    }

    /// Moves the partial line to the front, grows the buffer if it is full, and reads more.
    private func refill() throws(ReadFailure) {
        if start > 0 {
            memmove(buffer, buffer + start, end - start)
            end -= start
            bufferOffset += Int64(start)
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
