import Foundation
import Testing
@testable import FlowMail
import FlowIR
import FlowRuntime
import FlowSyntax

/// `flowc run` builds only what replay reads: the properties of the events some flow reads
/// (`CompiledProject.eventsReadingProperties`), and of those only the property keys and traits
/// that expressions, templates and the runner name (`CompiledProject.keysRead`). That must never
/// change a replay or a message: the demo project on the demo log gives the same records, and
/// every send renders byte for byte the same, either way.
@Suite struct LeanReadingReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Collects the `--json` lines, subjects rendered, and every message rendered in full.
    final class Output: RunRecordSink {
        let renderer: TemplateRenderer
        var lines = ByteBuffer()
        var times = RecordTimeFormatter()
        var messages: [RenderedEmail] = []

        init(renderer: TemplateRenderer) {
            self.renderer = renderer
        }

        func receive(_ record: consuming RunRecord) {
            if case .send(let send) = record { messages.append(try! renderer.render(send)) }
            record.appendJSONLine(to: &lines, times: &times) { send, out in try! self.renderer.appendQuotedSubject(send, to: &out) }
        }
    }

    func replay(_ project: Project, _ compiled: CompiledProject, options: EventLogOptions) throws -> (output: Output, summary: ReplaySummary) {
        let log = Self.root.appendingPathComponent("flows/demo/events.jsonl").path
        let reader = try EventLogReader(path: log, options: options)
        let output = Output(renderer: try TemplateRenderer(templates: project.templates.values.map(TemplateSource.init),
                                                           unsubscribeURL: compiled.unsubscribeURL))
        let replayer = Replayer(project: compiled, sink: output)
        try replayer.process(reader)
        replayer.finish()
        #expect(replayer.summary.sends > 1000)
        return (output, replayer.summary)
    }

    @Test func theDemoReplaysAndRendersTheSameReadingOnlyWhatItReads() throws {
        let project = try ProjectLoader.load(Self.root.appendingPathComponent("flows").path)
        let compiled = IRCompiler.compile(project)
        let keys = compiled.keysRead
        // The demo log has what goes unbuilt: the properties of `Unsubscribed`, the `country`
        // trait, the `rating` of `Product Reviewed`.
        #expect(!compiled.eventsReadingProperties.contains("Unsubscribed"))
        #expect(keys.traits?.contains("country") == false)
        #expect(keys.properties?.contains("rating") == false)
        #expect(keys.traits?.contains("first_name") == true)
        #expect(keys.properties?.contains("checkout_id") == true)
        let (full, fullSummary) = try replay(project, compiled, options: EventLogOptions())
        let (lean, leanSummary) = try replay(project, compiled, options: EventLogOptions(replaying: compiled)) // as `flowc run`
        #expect(leanSummary == fullSummary)
        #expect(lean.lines.count == full.lines.count)
        #expect(lean.lines.withBytes { Array($0) } == full.lines.withBytes { Array($0) })
        #expect(lean.messages == full.messages)
    }
}
