import FlowIR
import FlowRuntime
import FlowSyntax
@testable import FlowReport

/// Builds reports from in-memory projects and hand-written events.
enum ReportHarness {
    static let template = "subject: Hi\ntext: Hello\n"

    /// Replays `events` through the project's flows and builds the report.
    static func report(flows: [String: String], events: [Event], options: ReportOptions = ReportOptions()) -> ProjectReport {
        var files = flows
        files["templates/hello.email.yaml"] = template
        let project = IRCompiler.compile(ProjectLoader.load(directory: "flows", files: files))
        let builder = ReportBuilder(project: project, options: options)
        let replayer = Replayer(project: project, sink: builder)
        for event in events {
            replayer.process(event)
            builder.observe(event)
        }
        replayer.finish()
        return builder.build()
    }

    /// Day `day` (0 = 2026-03-02, a Monday) at 09:00 UTC plus `milliseconds`.
    static func time(day: Int, milliseconds: Int64 = 0) -> Int64 {
        RFC3339.parse("2026-03-02T09:00:00Z")! + Int64(day) * 86_400_000 + milliseconds
    }

    static func identify(_ contact: String, day: Int = 0) -> Event {
        Event(kind: .identify, contactID: contact, timestamp: time(day: day),
              traits: Value.Object([("email", .string("\(contact)@example.com"))]), line: 0)
    }

    static func track(_ contact: String, _ name: String, at time: Int64, _ properties: [(String, Value)] = []) -> Event {
        Event(kind: .track, contactID: contact, name: name, timestamp: time, properties: Value.Object(properties), line: 0)
    }

    /// A feedback event naming the first entry's message of `step`.
    static func feedback(_ contact: String, _ name: String, flow: String, step: String, at time: Int64, _ extra: [(String, Value)] = []) -> Event {
        track(contact, name, at: time, [("email_id", .string(messageID(flow: flow, contact: contact, step: step)))] + extra)
    }

    static func messageID(flow: String, contact: String, step: String) -> String {
        MessageID.make(flow: flow, contact: contact, key: "", entry: 1, step: step, visit: 1).description
    }

    static func number(_ value: Double) -> Value { .number(Value.Number(value)) }

    static func flow(_ report: ProjectReport, _ id: String) -> FlowMetrics? {
        report.flows.first { $0.id == id }
    }

    static func step(_ report: ProjectReport, _ flow: String, _ step: String) -> StepMetrics? {
        self.flow(report, flow)?.steps.first { $0.step == step }
    }
}
