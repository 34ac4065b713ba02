import Foundation
import Testing
@testable import FlowRuntime
import FlowSyntax

/// Reading ahead on a thread of its own yields exactly what the reader yields, in order, with a
/// fatal error after the events before it; the channel under it keeps order and never loses.
@Suite struct ReadAheadTests {
    /// A log of `count` valid lines, a second apart, for three contacts.
    static func log(count: Int) -> String {
        (0..<count).map { index in
            let time = RFC3339.format(1_772_355_600_000 + Int64(index) * 1000)
            return EventLogReaderTests.line(user: "u\(index % 3)", at: time, event: "E\(index)", messageID: "m\(index % 700)")
        }.joined(separator: "\n")
    }

    func drain(_ source: some EventSource) throws(EventLogError) -> [Event] {
        var events: [Event] = []
        while let event = try source.next() { events.append(event) }
        return events
    }

    @Test func yieldsTheReadersEventsAndStatsAcrossManyBatches() throws {
        let text = Self.log(count: ReadAheadEventReader.batchSize * 3 + 17)
        let direct = EventLogReader(bytes: Array(text.utf8), name: "log.jsonl")
        let expected = try drain(direct)
        let ahead = ReadAheadEventReader(EventLogReader(bytes: Array(text.utf8), name: "log.jsonl"))
        let events = try drain(ahead)
        #expect(events.map(\.name) == expected.map(\.name))
        #expect(events.map(\.line) == expected.map(\.line))
        #expect(ahead.stats == direct.stats)
        #expect(ahead.stats.duplicatesIgnored > 0)
        #expect(try ahead.next() == nil)
    }

    @Test func aFatalErrorComesAfterTheEventsBeforeIt() throws {
        let good = Self.log(count: ReadAheadEventReader.batchSize + 5)
        let text = good + "\n" + #"{"type":"track","userId":"u1""#
        let ahead = ReadAheadEventReader(EventLogReader(bytes: Array(text.utf8), name: "log.jsonl"))
        var names: [String?] = []
        var failure: EventLogError?
        do {
            while let event = try ahead.next() { names.append(event.name) }
        } catch {
            failure = error
        }
        let direct = EventLogReader(bytes: Array(good.utf8), name: "log.jsonl")
        #expect(names == (try drain(direct)).map(\.name))
        #expect(names.count > ReadAheadEventReader.batchSize / 2)
        #expect(failure?.line == ReadAheadEventReader.batchSize + 6)
        #expect(throws: EventLogError.self) { try ahead.next() }
    }

    @Test func upcomingContactHashesAreThoseOfTheNextEventsInTheBatchAtHand() throws {
        let text = (0..<ReadAheadEventReader.batchSize + 4).map { index in
            let time = RFC3339.format(1_772_355_600_000 + Int64(index) * 1000)
            return EventLogReaderTests.line(user: "u\(index % 3)", at: time, event: "E", messageID: "m\(index)")
        }.joined(separator: "\n")
        let ahead = ReadAheadEventReader(EventLogReader(bytes: Array(text.utf8), name: "log.jsonl"))
        #expect(ahead.upcomingContactHash(0) == nil) // nothing at hand before the first batch
        var seen = 0
        while let event = try ahead.next() {
            #expect(event.contactID == "u\(seen % 3)")
            #expect(event.contactHash == StringBytes.hash(event.contactID))
            seen += 1
            let left = (seen <= ReadAheadEventReader.batchSize ? ReadAheadEventReader.batchSize : ReadAheadEventReader.batchSize + 4) - seen
            for distance in 0..<3 {
                // Within the batch: the contact of event `seen + distance`; past its end: nil.
                let expected = distance < left ? StringBytes.hash("u\((seen + distance) % 3)") : nil
                #expect(ahead.upcomingContactHash(distance) == expected)
            }
        }
        #expect(seen == ReadAheadEventReader.batchSize + 4)
    }

    @Test func droppingTheReaderEarlyStopsItsThread() throws {
        let text = Self.log(count: ReadAheadEventReader.batchSize * 20)
        var ahead: ReadAheadEventReader? = ReadAheadEventReader(EventLogReader(bytes: Array(text.utf8), name: "log.jsonl"))
        #expect(try ahead?.next()?.name == "E0")
        ahead = nil // deinit waits for the thread: the test hangs if it stays blocked on a full channel
    }

    @Test func aChannelKeepsOrderBetweenThreadsAndEndsAfterTheLastMessage() {
        let channel = BoundedChannel<[Int]>(capacity: 2)
        let producer = BackgroundThread<Void>(name: "test producer") {
            for start in stride(from: 0, to: 1000, by: 10) { channel.send(Array(start..<start + 10)) }
            channel.close()
        }
        var received: [Int] = []
        while let batch = channel.receive() { received += batch }
        producer.wait()
        #expect(received == Array(0..<1000))
        #expect(channel.receive() == nil)
    }

    @Test func aCancelledChannelRefusesWhatIsSent() {
        let channel = BoundedChannel<Int>(capacity: 1)
        #expect(channel.send(1))
        channel.cancel()
        #expect(!channel.send(2)) // would wait forever on the full channel without the cancel
        #expect(channel.receive() == nil) // what was queued is dropped too
    }
}
