import Foundation
import Testing
@testable import FlowRuntime
import TestSupport

/// De-duplication that keeps line numbers and reads earlier lines again (`MessageIDSet` over a
/// rereadable `LineSource`) must judge every line as the copying set does, wherever the earlier
/// line is: in the buffer still, or long gone from it.
@Suite struct MessageIDRereadTests {
    /// A log with duplicates near and far (beyond several buffers), escaped and number ids,
    /// a byte order mark, CRLF, blank lines, repeated `messageId` members and long lines.
    static func log(seed: UInt64, lines count: Int) -> (text: String, firstWins: [Int]) {
        var random = SeededGenerator(seed: seed)
        var text = "\u{FEFF}"
        var seen = Set<String>()
        var firstWins: [Int] = [] // line numbers of the events a correct reader yields
        var earlierIDs: [String] = []
        var lineNumber = 0
        for _ in 0..<count {
            lineNumber += 1
            let id: String
            if !earlierIDs.isEmpty, random.next() % 4 == 0 {
                id = earlierIDs[Int(random.next() % UInt64(earlierIDs.count))]
            } else {
                id = "m-\(random.next() % 1_000_000)"
                earlierIDs.append(id)
            }
            let spelling = random.next() % 5 == 0 ? Self.escaped(id) : id
            var line = #"{"type":"track","userId":"u1","event":"E","timestamp":"2026-03-01T09:00:00Z""#
            switch random.next() % 6 {
            case 0: line += #","messageId":"other","messageId":"\#(spelling)""# // the last member counts
            case 1: line += #","properties":{"padding":"\#(String(repeating: "p", count: Int(random.next() % 90_000)))"},"messageId":"\#(spelling)""#
            default: line += #","messageId":"\#(spelling)""#
            }
            line += "}"
            text += line + (random.next() % 3 == 0 ? "\r\n" : "\n")
            if seen.insert(id).inserted { firstWins.append(lineNumber) }
            if random.next() % 10 == 0 { // a blank line: no event, but a line number
                text += "  \n"
                lineNumber += 1
            }
        }
        return (text, firstWins)
    }

    /// `id` with its first character written as a `\u` escape.
    static func escaped(_ id: String) -> String {
        let first = id.unicodeScalars.first!
        return String(format: "\\u%04x", first.value) + String(id.unicodeScalars.dropFirst())
    }

    /// Reads every event of the log at `path`; the line numbers of those yielded and the
    /// duplicates counted.
    static func read(path: String) throws -> (lines: [Int], duplicates: Int) {
        let reader = try EventLogReader(path: path)
        var lines: [Int] = []
        while let event = try reader.next() { lines.append(event.line) }
        return (lines, reader.stats.duplicatesIgnored)
    }

    @Test(arguments: [1, 2, 3])
    func aFileAPipeAndBytesInMemoryDropTheSameDuplicates(seed: UInt64) throws {
        let (text, expected) = Self.log(seed: seed, lines: 400)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-reread-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("events.jsonl")
        try Data(text.utf8).write(to: file)
        let fromFile = try Self.read(path: file.path)
        #expect(fromFile.lines == expected)
        #expect(fromFile.duplicates == 400 - expected.count)

        let memory = EventLogReader(bytes: Array(text.utf8), name: "log")
        var fromMemory: [Int] = []
        while let event = try memory.next() { fromMemory.append(event.line) }
        #expect(fromMemory == expected)

        // A pipe cannot be read again: its ids are copied.
        let fifo = directory.appendingPathComponent("events.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)!
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        writer.start()
        let fromPipe = try Self.read(path: fifo)
        #expect(fromPipe.lines == expected)
    }

    /// Every line read again is the line as it was returned: from the buffer, from the file.
    @Test func linesReadAgainAreTheLinesReturned() throws {
        let (text, _) = Self.log(seed: 9, lines: 150)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-lines-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text.utf8).write(to: file)
        let descriptor = open(file.path, O_RDONLY)
        #expect(descriptor >= 0)
        let sources = [LineSource(descriptor: descriptor, closesDescriptor: true), LineSource(bytes: Array(text.utf8))]
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
