import Foundation
import Testing
@testable import FlowRuntime
import FlowSyntax

/// The reader over whole logs: order, sorting, de-duplication, skipping, line handling, files.
@Suite struct EventLogReaderTests {
    static func line(_ type: String = "track", user: String = "u1", at time: String, event: String = "E",
                     messageID: String? = nil) -> String {
        var line = #"{"type":"\#(type)","userId":"\#(user)","timestamp":"\#(time)""#
        if type == "track" { line += #","event":"\#(event)""# }
        if let messageID { line += #","messageId":"\#(messageID)""# }
        return line + "}"
    }

    func readAll(_ text: String, options: EventLogOptions = EventLogOptions()) throws -> (events: [Event], reader: EventLogReader) {
        let reader = EventLogReader(bytes: Array(text.utf8), name: "log.jsonl", options: options)
        var events: [Event] = []
        while let event = try reader.next() { events.append(event) }
        return (events, reader)
    }

    @Test func readsEventsInOrderWithLineNumbersSkippingBlankLinesAndCRLF() throws {
        let text = "\u{FEFF}" + Self.line(at: "2026-03-01T09:00:00Z", event: "A") + "\r\n\r\n  \t\n"
            + Self.line(at: "2026-03-01T09:00:00Z", event: "B") + "\r\n" + Self.line(at: "2026-03-01T09:00:01Z", event: "C")
        let (events, reader) = try readAll(text)
        #expect(events.map(\.name) == ["A", "B", "C"])
        #expect(events.map(\.line) == [1, 4, 5])
        #expect(reader.stats.linesRead == 5)
        #expect(reader.stats.eventsYielded == 3)
    }

    /// Replay finds contacts by the hash an event carries: it must be its id's (the id cannot
    /// change after the event is made), for small strings and for stored ones.
    @Test(arguments: ["u1", "a contact id longer than fifteen bytes"])
    func anEventCarriesItsContactIDsHash(_ id: String) throws {
        #expect(Event(kind: .track, contactID: id, name: "E", timestamp: 0, line: 1).contactHash == StringBytes.hash(id))
        let (events, _) = try readAll(#"{"type":"track","userId":"\#(id)","event":"E","timestamp":"2026-03-01T09:00:00Z"}"#)
        #expect(events.map(\.contactHash) == [StringBytes.hash(id)])
    }

    @Test func aMalformedLineIsAnErrorWithFileLineAndColumn() throws {
        let text = Self.line(at: "2026-03-01T09:00:00Z") + "\n" + #"{"type":"track","userId":"u1" "event":"E"}"#
        #expect(throws: EventLogError(file: "log.jsonl", line: 2, column: 31,
                                      message: "expected `,` or `}` after object member, found `\"`")) {
            try readAll(text)
        }
    }

    @Test func skipInvalidSkipsAndCountsMalformedLines() throws {
        let text = [
            Self.line(at: "2026-03-01T09:00:00Z", event: "A"), "not json", #"{"type":"track"}"#,
            Self.line(at: "2026-03-01T09:00:01Z", event: "B"),
        ].joined(separator: "\n")
        let (events, reader) = try readAll(text, options: EventLogOptions(skipInvalid: true))
        #expect(events.map(\.name) == ["A", "B"])
        #expect(reader.stats.invalidLinesSkipped == 2)
        #expect(reader.skippedLines.map(\.line) == [2, 3])
        #expect(reader.skippedLines.first?.message == "expected a value, found `not` (did you mean `null`?)")
    }

    @Test func anOutOfOrderLineIsAnErrorNamingBothTimestamps() throws {
        let text = [
            Self.line(at: "2026-03-01T09:05:00Z"), Self.line("page", at: "2026-03-01T09:06:00Z"),
            Self.line(at: "2026-03-01T10:00:00+01:00"),
        ].joined(separator: "\n")
        do {
            _ = try readAll(text, options: EventLogOptions(skipInvalid: true))
            Issue.record("out-of-order line accepted")
        } catch let error as EventLogError {
            #expect(error.line == 3)
            #expect(error.column == 43)
            #expect(error.message == "timestamp 2026-03-01T09:00:00Z is earlier than 2026-03-01T09:06:00Z on line 2")
            #expect(error.help?.contains("--sort") == true)
        }
    }

    @Test func sortYieldsEventsByTimestampKeepingFileOrderForTies() throws {
        let text = [
            Self.line(at: "2026-03-01T09:05:00Z", event: "late"), Self.line(at: "2026-03-01T09:00:00Z", event: "tie1"),
            Self.line(at: "2026-03-01T10:00:00+01:00", event: "tie2"), Self.line(at: "2026-03-01T08:00:00Z", event: "first"),
            Self.line(at: "2026-03-01T09:00:00Z", event: "tie3"),
        ].joined(separator: "\n")
        let (events, reader) = try readAll(text, options: EventLogOptions(sort: true))
        #expect(events.map(\.name) == ["first", "tie1", "tie2", "tie3", "late"])
        #expect(reader.stats.eventsYielded == 5)
    }

    @Test func aRepeatedMessageIDIsIgnoredAndCountedFirstInFileOrderWins() throws {
        let lines = [
            Self.line(at: "2026-03-01T09:05:00Z", event: "A", messageID: "m1"),
            Self.line(at: "2026-03-01T09:06:00Z", event: "B", messageID: "m2"),
            Self.line(at: "2026-03-01T09:00:00Z", event: "A again", messageID: "m1"), // also out of order
            Self.line("page", at: "2026-03-01T09:07:00Z", messageID: "m3"),
            Self.line(at: "2026-03-01T09:08:00Z", event: "C", messageID: "m\\u0033"), // same id as the page
        ]
        for sort in [false, true] {
            let (events, reader) = try readAll(lines.joined(separator: "\n"), options: EventLogOptions(sort: sort))
            #expect(events.map(\.name) == ["A", "B"])
            #expect(reader.stats.duplicatesIgnored == 2)
            #expect(reader.stats.ignoredTypes == 1)
        }
    }

    /// A line that fails inside `properties` leaves half an object behind in the decoder's
    /// reused state; the next line must not see any of it.
    @Test func aLineFailingInsidePropertiesDoesNotLeakIntoTheNext() throws {
        let lines = [
            #"{"type":"track","userId":"u1","event":"E","timestamp":"2026-03-01T09:00:00Z","properties":{"a":1,"b":{"c":2,"#,
            #"{"type":"track","userId":"u1","event":"F","timestamp":"2026-03-01T09:00:01Z","properties":{"d":"x","a":true}}"#,
        ]
        let (events, reader) = try readAll(lines.joined(separator: "\n"), options: EventLogOptions(skipInvalid: true))
        #expect(reader.stats.invalidLinesSkipped == 1)
        #expect(events.count == 1)
        #expect(events.first?.properties.object == Value.Object([("d", .string("x")), ("a", .bool(true))]))
        #expect(events.first?.properties.object.keys == ["d", "a"])
    }

    @Test func manyMessageIDsStayDistinct() throws {
        var set = MessageIDSet()
        for round in 0..<2 {
            for index in 0..<50_000 {
                var id = "message-\(index)"
                id.withUTF8 { set.prefetch($0) } // a hint only: it changes nothing
                let inserted = id.withUTF8 { set.insert($0, line: round * 50_000 + index + 1) }
                #expect(inserted == (round == 0))
            }
        }
        #expect(set.count == 50_000)
    }

    /// Ids longer than the arena's chunks get chunks of their own; short ones around them stay found.
    @Test func messageIDsLongerThanAnArenaChunkAreKept() {
        var set = MessageIDSet()
        let ids = ["before", String(repeating: "x", count: 3 << 20), "after", String(repeating: "y", count: 1 << 20) + "z"]
        for round in 0..<2 {
            for (index, id) in ids.enumerated() {
                var id = id
                #expect(id.withUTF8 { set.insert($0, line: round * ids.count + index + 1) } == (round == 0))
            }
        }
        #expect(set.count == 4)
    }

    @Test func readsFilesWithLinesLongerThanTheBuffer() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-events-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let long = String(repeating: "x", count: 3 * LineSource.readSize)
        var text = ""
        for index in 0..<3000 {
            text += Self.line(user: "u\(index)", at: "2026-03-01T09:00:00Z") + (index % 7 == 0 ? "\r\n" : "\n")
        }
        text += #"{"type":"track","userId":"big","event":"E","timestamp":"2026-03-01T09:00:01Z","properties":{"p":"\#(long)"}}"#
        try Data(text.utf8).write(to: url)

        let reader = try EventLogReader(path: url.path)
        var events: [Event] = []
        while let event = try reader.next() { events.append(event) }
        #expect(events.count == 3001)
        #expect(events.last?.properties["p"] == .string(long))
        #expect(events[2999].contactID == "u2999")
    }

    @Test func aMissingFileIsAnErrorWithHelp() {
        #expect(throws: EventLogError.self) { try EventLogReader(path: "/nonexistent/events.jsonl") }
    }
}
