import Foundation
import Testing
@testable import FlowRuntime
import FlowIR
import FlowSyntax

/// `flowc run` leaves unbuilt the properties of events no flow reads
/// (`CompiledProject.eventsReadingProperties`). That must never change a replay: the demo
/// project on the demo log gives the same records either way.
@Suite struct PropertiesWantedReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Collects records as the JSON lines `--json` prints (subjects left out).
    final class Lines: RunRecordSink {
        var bytes = ByteBuffer()
        var times = RecordTimeFormatter()
        func receive(_ record: consuming RunRecord) { record.appendJSONLine(to: &bytes, times: &times) }
    }

    func replay(_ project: CompiledProject, propertiesWanted: Set<String>?) throws -> (records: [UInt8], summary: ReplaySummary) {
        let log = Self.root.appendingPathComponent("flows/demo/events.jsonl").path
        let reader = try EventLogReader(path: log, options: EventLogOptions(propertiesWanted: propertiesWanted))
        let lines = Lines()
        let replayer = Replayer(project: project, sink: lines)
        try replayer.process(reader)
        replayer.finish()
        return (lines.bytes.withBytes { Array($0) }, replayer.summary)
    }

    @Test func theDemoReplaysTheSameWithOnlyTheWantedProperties() throws {
        let project = IRCompiler.compile(try ProjectLoader.load(Self.root.appendingPathComponent("flows").path))
        let wanted = project.eventsReadingProperties
        #expect(!wanted.contains("Unsubscribed")) // the log has events whose properties go unbuilt
        let full = try replay(project, propertiesWanted: nil)
        let lean = try replay(project, propertiesWanted: wanted)
        #expect(full.summary.sends > 1000)
        #expect(lean.summary == full.summary)
        #expect(lean.records == full.records)
    }
}
