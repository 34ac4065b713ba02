import Foundation
import Testing
@testable import FlowRuntime
import FlowIR
import FlowSyntax

/// The replay counts pending timers as they are scheduled, cancelled, fired, armed and disarmed
/// (`Replayer.PendingTimers`) instead of walking every contact at the end. Throughout the demo
/// log, whose flows wait, wait for events, postpone sends and arm date and inactivity triggers,
/// the running count equals a count taken from the queue and the contacts.
@Suite struct PendingTimerCountTests {
    final class Discard: RunRecordSink {
        func receive(_ record: consuming RunRecord) {}
    }

    /// Instance timers still queued (cancelled ones are gone) plus armed trigger slots.
    static func recount(_ replayer: Replayer) -> Int {
        var count = 0
        for timer in replayer.timers.pending {
            if case .instance = timer { count += 1 }
        }
        for contact in replayer.contacts.states {
            count += contact.triggerSlots.values.count(where: \.isArmed)
        }
        return count
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Replays `log` through the demo project, comparing the running count with a recount
    /// every `every` events, at the end, and a year on.
    static func replayComparing(log: String, every: Int) throws -> (summary: ReplaySummary, events: Int, mismatches: [String]) {
        let root = Self.root
        let project = IRCompiler.compile(try ProjectLoader.load(root.appendingPathComponent("flows").path))
        let reader = try EventLogReader(path: log)
        let replayer = Replayer(project: project, sink: Discard())
        var events = 0
        var mismatches: [String] = []
        func compare(_ moment: String) {
            if replayer.pendingTimers.total != recount(replayer) {
                mismatches.append("\(moment): counted \(replayer.pendingTimers.total), recounted \(recount(replayer))")
            }
        }
        while let event = try reader.next() {
            replayer.process(event)
            events += 1
            if events % every == 0 { compare("after event \(events)") }
        }
        replayer.finish()
        compare("at the end")
        let summary = replayer.summary
        // A year on, every wait has fired; the yearly date triggers are armed again.
        replayer.finish(until: replayer.now + 366 * 86_400_000)
        compare("a year on")
        return (summary, events, mismatches)
    }

    @Test func theRunningCountMatchesARecountThroughoutTheDemo() throws {
        let log = Self.root.appendingPathComponent("flows/demo/events.jsonl").path
        let run = try Self.replayComparing(log: log, every: 50)
        #expect(run.mismatches.count == 0, "\(run.mismatches.prefix(5))")
        #expect(run.summary.pendingTimers > 100)
        #expect(run.events > 5000)
    }

    /// A birthday set, then removed (null) or made invalid: the armed date trigger is disarmed.
    @Test func disarmedDateTriggersAreNoLongerCounted() throws {
        let lines = [
            #"{"type":"identify","userId":"u1","timestamp":"2026-03-01T10:00:00Z","traits":{"email":"a@example.com","birthday":"1990-05-01"}}"#,
            #"{"type":"identify","userId":"u2","timestamp":"2026-03-01T10:00:01Z","traits":{"email":"b@example.com","birthday":"1991-06-02"}}"#,
            #"{"type":"identify","userId":"u1","timestamp":"2026-03-01T10:00:02Z","traits":{"birthday":null}}"#,
            #"{"type":"identify","userId":"u2","timestamp":"2026-03-01T10:00:03Z","traits":{"birthday":"not a date"}}"#,
            #"{"type":"identify","userId":"u2","timestamp":"2026-03-01T10:00:04Z","traits":{"birthday":"1991-06-03"}}"#,
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-pending-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("events.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: log)
        let run = try Self.replayComparing(log: log.path, every: 1)
        #expect(run.mismatches.count == 0, "\(run.mismatches.prefix(5))")
        #expect(run.summary.pendingTimers == 1) // u2's birthday, armed again
    }
}
