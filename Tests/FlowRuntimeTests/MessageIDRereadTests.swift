import Foundation
import Testing
@testable import FlowRuntime
import TestSupport

/// De-duplication that keeps line numbers and reads earlier lines again (`MessageIDSet` over a
/// rereadable `LineSource`) must judge every line as the copying set does, wherever the earlier
/// line is: in the buffer still, or long gone from it.
@Suite struct MessageIDRereadTests {
    /// A log with duplicates near and far (beyond several buffers), escaped and number ids, a
    /// byte order mark, CRLF, blank lines, repeated `messageId` members, long lines and, now and
    /// then, no LF after the last line; with the line numbers of the events a correct reader
    /// yields (the first of each id).
    static func log(seed: UInt64, lines count: Int) -> (text: String, firstWins: [Int]) {
        var random = SeededGenerator(seed: seed)
        var text = "\u{FEFF}"
        var seen = Set<String>()
        var firstWins: [Int] = []
        var earlierIDs: [String] = []
        var lineNumber = 0
        for _ in 0..<count {
            lineNumber += 1
            let id: String
            if !earlierIDs.isEmpty, random.next() % 4 == 0 {
                id = earlierIDs[Int(random.next() % UInt64(earlierIDs.count))]
            } else {
                id = random.next() % 8 == 0 ? "\(random.next() % 1_000_000)" : "m-\(random.next() % 1_000_000)"
                earlierIDs.append(id)
            }
            let isNumber = id.first != "m" && random.next() % 2 == 0
            let spelling = isNumber ? id : "\"" + (random.next() % 5 == 0 ? Self.escaped(id) : id) + "\""
            var line = #"{"type":"track","userId":"u1","event":"E","timestamp":"2026-03-01T09:00:00Z""#
            switch random.next() % 6 {
            case 0: line += #","messageId":"other","messageId":\#(spelling)"# // the last member counts
            case 1: line += #","properties":{"padding":"\#(String(repeating: "p", count: Int(random.next() % 90_000)))"},"messageId":\#(spelling)"#
            default: line += #","messageId":\#(spelling)"#
            }
            text += line + "}" + (random.next() % 3 == 0 ? "\r\n" : "\n")
            if seen.insert(id).inserted { firstWins.append(lineNumber) }
            if random.next() % 10 == 0 { // a blank line: no event, but a line number
                text += "  \n"
                lineNumber += 1
            }
        }
        if seed % 2 == 1 { text.removeLast() } // "\r\n" is one Character: a CRLF goes whole
        return (text, firstWins)
    }

    /// `id` with its first character written as a `\u` escape.
    static func escaped(_ id: String) -> String {
        let first = id.unicodeScalars.first!
        return String(format: "\\u%04x", first.value) + String(id.unicodeScalars.dropFirst())
    }

    /// Every event of `reader`: the line numbers of those yielded and the duplicates counted.
    static func readAll(_ reader: EventLogReader) throws -> (lines: [Int], duplicates: Int) {
        var lines: [Int] = []
        while let event = try reader.next() { lines.append(event.line) }
        return (lines, reader.stats.duplicatesIgnored)
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-reread-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(arguments: [1, 2, 3, 4])
    func aFileAPipeAndBytesInMemoryDropTheSameDuplicates(seed: UInt64) throws {
        let (text, expected) = Self.log(seed: seed, lines: 400)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("events.jsonl")
        try Data(text.utf8).write(to: file)

        let fromFile = try Self.readAll(try EventLogReader(path: file.path))
        #expect(fromFile.lines == expected)
        #expect(fromFile.duplicates == 400 - expected.count)

        let fromMemory = try Self.readAll(EventLogReader(bytes: Array(text.utf8), name: "log"))
        #expect(fromMemory.lines == expected)
        #expect(fromMemory.duplicates == fromFile.duplicates)

        // A pipe cannot be read again: its ids are copied.
        let fifo = directory.appendingPathComponent("events.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        signal(SIGPIPE, SIG_IGN) // should the reader stop early, the writer must not kill the tests
        let bytes = Array(text.utf8)
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            guard descriptor >= 0 else { return }
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
                if count <= 0 { break }
                written += count
            }
            close(descriptor)
        }
        writer.start()
        let fromPipe = try Self.readAll(try EventLogReader(path: fifo))
        #expect(fromPipe.lines == expected)
        #expect(fromPipe.duplicates == fromFile.duplicates)
    }

    /// With tags of two bits nearly every id matches some earlier one's tag, so nearly every
    /// line is compared by reading an earlier one again: no id may be taken for another.
    @Test(arguments: [5, 6])
    func idsWhoseTagsMatchAreToldApartByTheirLines(seed: UInt64) throws {
        let (text, expected) = Self.log(seed: seed, lines: 300)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("events.jsonl")
        try Data(text.utf8).write(to: file)
        let descriptor = open(file.path, O_RDONLY)
        #expect(descriptor >= 0)
        for lines in [LineSource(descriptor: descriptor, closesDescriptor: true), LineSource(bytes: Array(text.utf8))] {
            var set = MessageIDSet(readingAgain: lines, tagMask: 0b11)
            let state = JSONBuildState()
            var new: [Int] = []
            while let line = try lines.nextLine() {
                guard let id = EventDecoder.messageID(in: line, state: state) else { continue } // a blank line
                if id.withBytes(in: line, { set.insert($0, line: lines.linesReturned) }) { new.append(lines.linesReturned) }
            }
            #expect(new == expected)
        }
    }

    /// Every line read again is the line as it was returned: from the buffer, from the file, and
    /// from a file that standard input had already read into.
    @Test func linesReadAgainAreTheLinesReturned() throws {
        let (text, _) = Self.log(seed: 9, lines: 150)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("events.jsonl")
        try Data(text.utf8).write(to: file)
        let fromStart = open(file.path, O_RDONLY)
        let fromSecondLine = open(file.path, O_RDONLY)
        #expect(fromStart >= 0 && fromSecondLine >= 0)
        let firstLineLength = Array(text.utf8).firstIndex(of: 0x0A)! + 1
        #expect(lseek(fromSecondLine, off_t(firstLineLength), SEEK_SET) == off_t(firstLineLength))
        let sources = [
            LineSource(descriptor: fromStart, closesDescriptor: true),
            LineSource(descriptor: fromSecondLine, closesDescriptor: true),
            LineSource(bytes: Array(text.utf8)),
        ]
        for lines in sources {
            #expect(lines.isRereadable)
            var returned: [[UInt8]] = []
            while let line = try lines.nextLine() {
                returned.append(Array(line))
                // Now and then, all lines so far: most of them have left the buffer.
                if returned.count % 61 == 0 {
                    for (index, line) in returned.enumerated() {
                        #expect(lines.rereadLine(index + 1) { Array($0) } == line)
                    }
                }
            }
            for (index, line) in returned.enumerated() {
                #expect(lines.rereadLine(index + 1) { Array($0) } == line)
            }
            #expect(lines.rereadLine(returned.count + 1) { _ in true } == nil)
        }
    }
}
