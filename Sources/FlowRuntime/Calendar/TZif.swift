/// The parts of a TZif file (RFC 8536) that local-time arithmetic needs: the version 2+ 64-bit
/// transitions, the offset before the first one, and the POSIX TZ footer for later instants.
struct TZif {
    /// UTC seconds at which a new offset takes effect, ascending.
    var transitions: [Int64]
    /// Seconds east of UTC from the matching transition on.
    var offsets: [Int]
    /// Seconds east of UTC before the first transition (local time type 0).
    var initialOffset: Int
    /// The footer, when the file has one this reader understands.
    var footer: PosixTZRule?

    /// Parses the bytes of a TZif file; nil for anything else, for version 1 files (no 64-bit
    /// data) and for files with leap seconds (the `right/` zones, which are not IANA names).
    init?(bytes: [UInt8]) {
        var reader = ByteReader(bytes: bytes)
        guard let first = reader.header(), first.version >= 2,
              reader.skip(first.dataLength(timeSize: 4)),
              let header = reader.header(), header.leapCount == 0, header.typeCount > 0
        else { return nil }
        var transitions: [Int64] = []
        transitions.reserveCapacity(header.timeCount)
        for _ in 0..<header.timeCount {
            guard let time = reader.int64() else { return nil }
            transitions.append(time)
        }
        var typeIndices: [Int] = []
        for _ in 0..<header.timeCount {
            guard let index = reader.byte(), Int(index) < header.typeCount else { return nil }
            typeIndices.append(Int(index))
        }
        var typeOffsets: [Int] = []
        for _ in 0..<header.typeCount {
            guard let offset = reader.int32(), reader.skip(2) else { return nil }
            typeOffsets.append(Int(offset))
        }
        guard reader.skip(header.charCount + header.isStandardCount + header.isUTCCount) else { return nil }
        self.transitions = transitions
        offsets = typeIndices.map { typeOffsets[$0] }
        initialOffset = typeOffsets[0]
        footer = reader.footer().flatMap(PosixTZRule.parse)
    }
}

/// A big-endian cursor with bounds checks: malformed files yield nil, never a trap.
private struct ByteReader {
    struct Header {
        var version: Int
        var isUTCCount, isStandardCount, leapCount, timeCount, typeCount, charCount: Int

        func dataLength(timeSize: Int) -> Int {
            timeCount * (timeSize + 1) + typeCount * 6 + charCount + leapCount * (timeSize + 4)
                + isStandardCount + isUTCCount
        }
    }

    let bytes: [UInt8]
    var position = 0

    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, count <= bytes.count - position else { return false }
        position += count
        return true
    }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func bigEndian(_ size: Int) -> UInt64? {
        guard size <= bytes.count - position else { return nil }
        var value: UInt64 = 0
        for byte in bytes[position..<position + size] { value = value << 8 | UInt64(byte) }
        position += size
        return value
    }

    mutating func int32() -> Int32? { bigEndian(4).map { Int32(truncatingIfNeeded: $0) } }
    mutating func int64() -> Int64? { bigEndian(8).map { Int64(bitPattern: $0) } }

    mutating func header() -> Header? {
        guard bytes.count - position >= 44, Array(bytes[position..<position + 4]) == Array("TZif".utf8) else { return nil }
        let versionByte = bytes[position + 4]
        let version = versionByte == 0 ? 1 : Int(versionByte) - Int(UInt8(ascii: "0"))
        position += 20
        var counts: [Int] = []
        for _ in 0..<6 {
            guard let count = int32(), count >= 0 else { return nil }
            counts.append(Int(count))
        }
        return Header(version: version, isUTCCount: counts[0], isStandardCount: counts[1], leapCount: counts[2],
                      timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
    }

    /// The text between the newlines that close the file.
    mutating func footer() -> String? {
        guard byte() == UInt8(ascii: "\n"), let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")),
              end > position
        else { return nil }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }
}
