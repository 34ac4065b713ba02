import FlowIR
import FlowRuntime
import FlowSyntax

/// Accumulates a `ProjectReport` while a log is replayed.
///
/// Use it as the replayer's `RunRecordSink` and pass it every event right after the replayer
/// processed it (`replayer.process(event); builder.observe(event)`), then call `build()`.
/// Feedback events name their message by `properties.email_id`; a goal event counts for the
/// contact's latest message, from a flow with that goal event, sent strictly before it and at
/// most the attribution window before it (last touch).
public final class ReportBuilder: RunRecordSink {
    let project: CompiledProject
    let options: ReportOptions
    var flows: [FlowMetrics]
    let flowIndex: [String: Int]
    /// Every sent message, in send order.
    var messages: [MessageOutcome] = []
    var messageIndex: [MessageID: Int] = [:]
    /// Per contact, its messages (indices into `messages`) inside the attribution window.
    var touches: [String: [Int]] = [:]
    /// Skip records of send steps, by reason.
    var stepSkips: [StepKey: [String: Int]] = [:]
    var splitEntries = SplitEntries()
    var unmatchedFeedback = 0

    struct StepKey: Hashable {
        var flow: Int
        var step: String
    }

    public init(project: CompiledProject, options: ReportOptions = ReportOptions()) {
        self.project = project
        self.options = options
        flows = project.flows.map { FlowMetrics(id: $0.id) }
        flowIndex = Dictionary(project.flows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Run records

    public func receive(_ record: consuming RunRecord) {
        switch record {
        case .send(let send):
            guard let flow = flowIndex[send.flow] else { return }
            let index = messages.count
            messages.append(MessageOutcome(flow: flow, step: send.step, variant: send.variant, contact: send.contact, time: send.time))
            messageIndex[send.messageID] = index
            touch(send.contact, message: index, at: send.time)
        case .skip(let skip):
            guard let flow = flowIndex[skip.flow] else { return }
            flows[flow].skips[skip.reason, default: 0] += 1
            if let step = skip.step { stepSkips[StepKey(flow: flow, step: step), default: [:]][skip.reason, default: 0] += 1 }
        case .enter(let entered):
            guard let flow = flowIndex[entered.flow] else { return }
            flows[flow].entered += 1
            splitEntries.enter(flow: project.flows[flow], index: flow, contact: entered.contact, time: entered.time)
        case .end(let ended):
            guard let flow = flowIndex[ended.flow] else { return }
            flows[flow].ended[ended.reason, default: 0] += 1
        }
    }

    // MARK: Events

    /// Applies one event of the log: mail feedback to its message, a goal event to the last touch
    /// and to split entries waiting for it.
    public func observe(_ event: Event) {
        guard event.kind == .track, let name = event.name else { return }
        if let feedback = Feedback(name: name, properties: event.properties) {
            apply(feedback, properties: event.properties)
        }
        guard project.flows.contains(where: { $0.goal?.event == name }) else { return }
        attribute(goal: name, contact: event.contactID, time: event.timestamp, properties: event.properties)
        splitEntries.convert(goal: name, contact: event.contactID, time: event.timestamp, window: options.attributionWindow)
    }

    private func apply(_ feedback: Feedback, properties: PackedObject) {
        guard case .string(let id) = properties["email_id"] else { return }
        // Text that is not a message id's 32 lowercase hex digits names no message.
        guard let index = MessageID(hex: id).flatMap({ messageIndex[$0] }) else {
            unmatchedFeedback += 1
            return
        }
        feedback.apply(to: &messages[index])
    }

    private func attribute(goal: String, contact: String, time: Int64, properties: PackedObject) {
        prune(contact, at: time)
        guard let candidates = touches[contact] else { return }
        let latest = candidates.last { index in
            let message = messages[index]
            return message.time < time && project.flows[message.flow].goal?.event == goal
        }
        guard let latest else { return }
        messages[latest].conversions += 1
        messages[latest].revenue += options.revenue(of: properties)
    }

    /// Adds message `index`, sent at `time`, to a contact's touches and forgets those older than
    /// the attribution window, in one dictionary access (this runs for every send).
    private func touch(_ contact: String, message index: Int, at time: Int64) {
        let window = options.attributionWindow
        let messages = self.messages
        func append(to list: inout [Int]) {
            list.append(index)
            let expired = list.prefix { time.subtractingReportingOverflow(messages[$0].time).partialValue > window }.count
            if expired > 0 { list.removeFirst(expired) }
        }
        append(to: &touches[contact, default: []])
    }

    /// Forgets a contact's messages sent more than the attribution window before `time`.
    private func prune(_ contact: String, at time: Int64) {
        guard let list = touches[contact], let first = list.first,
              time.subtractingReportingOverflow(messages[first].time).partialValue > options.attributionWindow
        else { return }
        let kept = list.drop { time.subtractingReportingOverflow(messages[$0].time).partialValue > options.attributionWindow }
        touches[contact] = kept.isEmpty ? nil : Array(kept)
    }

    // MARK: Result

    /// The report of everything received and observed so far.
    public func build() -> ProjectReport {
        var flows = self.flows
        var totals = MailCounts()
        var steps: [StepKey: MailCounts] = [:]
        var variants: [StepKey: [String: MailCounts]] = [:]
        var days: [[Int: Int]] = Array(repeating: [:], count: flows.count)
        for message in messages {
            totals.add(message)
            flows[message.flow].mail.add(message)
            let key = StepKey(flow: message.flow, step: message.step)
            steps[key, default: MailCounts()].add(message)
            if let variant = message.variant { variants[key, default: [:]][variant, default: MailCounts()].add(message) }
            days[message.flow][Self.day(of: message.time), default: 0] += 1
        }
        for (position, flow) in project.flows.enumerated() {
            flows[position].steps = stepMetrics(of: flow, index: position, mail: steps, variants: variants)
            flows[position].splits = splitEntries.metrics(of: flow, index: position)
            flows[position].dailySends = days[position].sorted { $0.key < $1.key }.map {
                DailySends(day: CivilDate(daysSinceEpoch: $0.key).description, sends: $0.value)
            }
        }
        return ProjectReport(attributionWindow: options.attributionWindow, flows: flows, totals: totals, unmatchedFeedback: unmatchedFeedback)
    }

    /// Days since the epoch of a UTC instant (floor division).
    private static func day(of time: Int64) -> Int {
        let day: Int64 = 86_400_000
        return Int(time >= 0 ? time / day : -((-(time + 1)) / day) - 1)
    }
}

extension ReportBuilder {
    /// Replays every event `reader` yields through `project`, runs the clock on to `until`
    /// (default: the last event's time) and returns the report.
    public static func report(
        of project: CompiledProject, events reader: EventLogReader, until: Int64? = nil,
        options: ReportOptions = ReportOptions()
    ) throws(EventLogError) -> ProjectReport {
        try replay(project, events: reader, until: until, options: options, tracer: nil)
    }

    /// `report(of:events:until:options:)` that also counts the visits of every step (for a
    /// flow diagram's heat map).
    public static func reportCountingSteps(
        of project: CompiledProject, events reader: EventLogReader, until: Int64? = nil,
        options: ReportOptions = ReportOptions()
    ) throws(EventLogError) -> (report: ProjectReport, steps: StepVisitCounter) {
        let counter = StepVisitCounter(project: project)
        let report = try replay(project, events: reader, until: until, options: options, tracer: counter)
        return (report, counter)
    }

    private static func replay(
        _ project: CompiledProject, events reader: EventLogReader, until: Int64?, options: ReportOptions, tracer: ReplayTracer?
    ) throws(EventLogError) -> ProjectReport {
        let builder = ReportBuilder(project: project, options: options)
        let replayer = Replayer(project: project, sink: builder)
        replayer.tracer = tracer
        try replayer.process(reader, observe: builder.observe)
        replayer.finish(until: until)
        return builder.build()
    }
}
