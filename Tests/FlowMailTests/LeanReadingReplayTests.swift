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

    /// Replays `log` through `project` reading it with `options`.
    func replay(_ project: Project, _ compiled: CompiledProject, log: EventLogReader) throws -> (output: Output, summary: ReplaySummary) {
        let output = Output(renderer: try TemplateRenderer(templates: project.templates.values.map(TemplateSource.init),
                                                           unsubscribeURL: compiled.unsubscribeURL))
        let replayer = Replayer(project: compiled, sink: output)
        try replayer.process(log)
        replayer.finish()
        return (output, replayer.summary)
    }

    /// Replays `project` on the log twice, reading every member and as `flowc run` does, and
    /// expects the same records, summaries and messages; returns the summary.
    func replaysTheSameBothWays(_ project: Project, log: (EventLogOptions) throws -> EventLogReader) throws -> ReplaySummary {
        #expect(project.diagnostics.filter { $0.severity == .error }.isEmpty, "\(project.diagnostics)")
        let compiled = IRCompiler.compile(project)
        let (full, fullSummary) = try replay(project, compiled, log: try log(EventLogOptions()))
        let (lean, leanSummary) = try replay(project, compiled, log: try log(EventLogOptions(replaying: compiled)))
        #expect(leanSummary == fullSummary)
        #expect(lean.lines.count == full.lines.count)
        #expect(lean.lines.withBytes { Array($0) } == full.lines.withBytes { Array($0) })
        #expect(lean.messages == full.messages)
        return fullSummary
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
        let path = Self.root.appendingPathComponent("flows/demo/events.jsonl").path
        let summary = try replaysTheSameBothWays(project) { try EventLogReader(path: path, options: $0) }
        #expect(summary.sends > 1000)
    }

    /// Names that reach data in roundabout ways: dots swift-mustache drops or reads as "here",
    /// date triggers on `contact.id` and `contact["joined on"]`, keys that are equal strings but
    /// different bytes in objects small and large (past 16 members they are indexed).
    @Test func roundaboutNamesReplayAndRenderTheSame() throws {
        let project = ProjectLoader.load(directory: "p", files: [
            "flowc.yaml": """
                from: "Shop <hello@shop.example>"
                unsubscribe_url: "https://shop.example/u?c={{contact.id}}&l={{.contact.locale}}"
                """,
            "cart.flow.yaml": """
                flow: cart
                trigger: { event: Checkout Started }
                steps:
                  - send: { template: cart, subject: "{{contact..nick}} {{#contact.vip}}{{.contact.tier}}{{/contact.vip}}" }
                """,
            "odd.flow.yaml": """
                flow: odd
                trigger: { date: contact.id, at: "10:00" }
                steps: [{ send: cart }]
                """,
            "joined.flow.yaml": """
                flow: joined
                trigger: { date: 'contact["joined on"]', at: "10:00" }
                audience: contact["\u{212A}"] == "kelvin"
                steps: [{ send: cart }]
                """,
            "templates/cart.email.yaml": """
                subject: "{{.contact.first_name}}"
                text: "{{trigger.properties..sku}} {{#trigger.properties.items}}{{name}} {{/trigger.properties.items}}"
                """,
        ])
        func identify(_ user: String, padding: Int) -> String {
            let filler = (0..<padding).map { #","t\#($0)":\#($0)"# }.joined()
            return #"{"type":"identify","userId":"\#(user)","timestamp":"2026-03-01T09:00:00Z","traits":{"email":"\#(user)@example.com","first_name":"Ana","nick":"A","vip":true,"tier":"gold","locale":"de","id":"1990-03-05","joined on":"2020-03-03","K":"plain","\u212A":"kelvin"\#(filler)}}"#
        }
        let lines = [identify("u1", padding: 0), identify("u2", padding: 20)] + ["u1", "u2"].map {
            #"{"type":"track","userId":"\#($0)","event":"Checkout Started","timestamp":"2026-03-01T10:00:00Z","properties":{"sku":"S1","items":[{"name":"Mug"}],"extra":1}}"#
        }
        // A later event moves the clock past both dates (yearly: March 3 and 5 of 2026).
        let later = #"{"type":"track","userId":"u0","event":"Tick","timestamp":"2026-03-10T00:00:00Z"}"#
        let log = Array((lines + [later]).joined(separator: "\n").utf8)
        let summary = try replaysTheSameBothWays(project) { EventLogReader(bytes: log, name: "log.jsonl", options: $0) }
        // Both contacts: a checkout send, a birthday-like `id` send and a `joined on` send (its
        // audience finds the Kelvin-sign trait, not `K`).
        #expect(summary.sends == 6)
    }
}
