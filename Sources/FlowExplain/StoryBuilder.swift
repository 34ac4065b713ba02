import FlowIR
import FlowMail
import FlowRuntime
import FlowSyntax

/// Builds one contact's `Story` while a log is replayed: install it as the replayer's sink and
/// tracer (`StoryBuilder.story(...)` does), and it keeps what concerns that contact only.
///
/// The run records give the entries, sends, skips and ends; the trace gives the reasons. What
/// the details need besides — previous entries, recent marketing sends, suppressions — the builder
/// remembers from both as they pass.
public final class StoryBuilder: RunRecordSink, ReplayTracer {
    public let contact: String
    let compiled: CompiledProject
    /// The flows as written, by compiled position (for condition texts and step summaries).
    let flows: [Flow?]
    let renderer: TemplateRenderer
    private(set) var entries: [StoryEntry] = []
    /// Every contact id the log names, for suggestions when `contact` is not among them.
    public internal(set) var contactsSeen: Set<String> = []
    var conditions = ConditionReader()

    // What the details need, remembered from the records and the trace.
    let zones = ZoneCache()
    let projectZone: Zone
    var zone: Zone
    var traits = Value.Object()
    /// The trigger of the entry checks that run next: the current event, or a fired timer.
    var trigger = ""
    /// Entries and running instances per flow position and key text.
    var entryCounts: [InstanceKey: Int] = [:]
    var running: [InstanceKey: Int64] = [:]
    /// The contact's marketing sends, for frequency-cap details.
    var marketingSends: [(time: Int64, flow: String, step: String)] = []
    /// Since when mail to the contact is suppressed, as the replay reports it.
    var suppressedSince: [Suppression: Int64] = [:]
    /// A `wait_for` condition that held, reported with the match that follows it.
    var heldWaitForCondition: ConditionDetail?
    /// The audience condition of an entry refusal that follows.
    var failedEntryAudience: ConditionDetail?

    struct InstanceKey: Hashable {
        var flow: String
        var key: String?
    }

    /// `project` is the checked project `compiled` was compiled from.
    public init(contact: String, project: Project, compiled: CompiledProject, renderer: TemplateRenderer) {
        self.contact = contact
        self.compiled = compiled
        self.renderer = renderer
        let byID = Dictionary(project.flows.compactMap { flow in flow.id.map { ($0.value, flow) } }, uniquingKeysWith: { first, _ in first })
        flows = compiled.flows.map { byID[$0.id] }
        projectZone = zones.zone(named: compiled.timezone) ?? .utc
        zone = projectZone
    }

    /// The story so far.
    public var story: Story { Story(contact: contact, entries: entries) }

    /// Whether the log named the contact at all.
    public var contactAppeared: Bool { contactsSeen.contains(contact) }

    // MARK: Entries

    func add(_ event: StoryEvent, at time: Int64, flow: Int? = nil, step: Int? = nil) {
        let flowID = flow.map { compiled.flows[$0].id }
        let stepName = flow.flatMap { flow in step.map { compiled.flows[flow].steps[$0].name } }
        add(event, at: time, flowID: flowID, step: stepName)
    }

    func add(_ event: StoryEvent, at time: Int64, flowID: String?, step: String? = nil) {
        entries.append(StoryEntry(time: storyTime(time), flow: flowID, step: step, event: event))
    }

    /// `time` with its reading in the contact's current zone.
    func storyTime(_ time: Int64) -> StoryTime {
        StoryTime(utc: time, local: LocalTime(time, in: zone))
    }

    /// The name of the step at `position` of `flow`, `end` past the last step.
    func stepName(_ position: Int, of flow: Int) -> String {
        let steps = compiled.flows[flow].steps
        return steps.indices.contains(position) ? steps[position].name : "end"
    }

    // MARK: Run records

    public func receive(_ record: consuming RunRecord) {
        switch record {
        case .send(let send) where send.contact == contact:
            if !send.transactional { marketingSends.append((send.time, send.flow, send.step)) }
            let subject: String
            do {
                subject = try renderer.renderSubject(send)
            } catch {
                subject = "(cannot render the subject: \(error))"
            }
            add(.sent(id: send.id, template: send.template, variant: send.variant, subject: subject, to: send.to),
                at: send.time, flowID: send.flow, step: send.step)
        case .skip(let skip) where skip.contact == contact:
            // Entry refusals (step null) were traced with their detail.
            guard let step = skip.step else { return }
            add(.skipped(reason: skip.reason, detail: skipDetail(skip)), at: skip.time, flowID: skip.flow, step: step)
        case .enter(let entered) where entered.contact == contact:
            let key = InstanceKey(flow: entered.flow, key: entered.key)
            entryCounts[key, default: 0] += 1
            running[key] = entered.time
            add(.entered(trigger: trigger, key: entered.key, entry: entryCounts[key] ?? 1), at: entered.time, flowID: entered.flow)
        case .end(let ended) where ended.contact == contact:
            running[InstanceKey(flow: ended.flow, key: ended.key)] = nil
            add(.ended(reason: ended.reason.rawValue), at: ended.time, flowID: ended.flow)
        default:
            break
        }
    }
}

extension StoryBuilder {
    /// Replays every event `reader` yields through `compiled` exactly as `flowc run` does, runs
    /// the clock on to `until`, and returns the builder holding `contact`'s story.
    public static func replay(
        contact: String, project: Project, compiled: CompiledProject, renderer: TemplateRenderer,
        events reader: EventLogReader, until: Int64? = nil
    ) throws(EventLogError) -> StoryBuilder {
        let builder = StoryBuilder(contact: contact, project: project, compiled: compiled, renderer: renderer)
        let replayer = Replayer(project: compiled, sink: builder)
        replayer.tracer = builder
        try replayer.process(reader)
        replayer.finish(until: until)
        return builder
    }
}
