import FlowIR
import FlowRuntime
import FlowSyntax

/// Runs scenarios through the real replay engine: each scenario identifies its contacts at the
/// start, replays its events, runs the clock on (see `until(for:)`) and checks its expectations.
///
/// Run only projects without check errors: the runner trusts the checker (FC6xx) for names.
public struct ScenarioRunner {
    /// How far past the last named time the clock may run while instances are still active.
    public static let drainLimit: Int64 = 400 * DurationSyntax.day

    private let project: Project
    private let compiled: CompiledProject
    private let zones = ZoneCache()
    private let projectZone: Zone

    public init(project: Project) {
        self.project = project
        compiled = IRCompiler.compile(project)
        projectZone = zones.zone(named: compiled.timezone) ?? .utc
    }

    /// Every scenario of the project, in file then source order.
    public func runAll() -> [ScenarioResult] {
        project.scenarios.flatMap(\.scenarios).map(run)
    }

    public func run(_ scenario: Scenario) -> ScenarioResult {
        let clock = ScenarioClock(start: scenario.start?.value ?? 0)
        let contactZones = Dictionary(scenario.contacts.map { ($0.id.value, resolvedZone(of: $0)) }) { first, _ in first }
        let soleContact = scenario.soleContact?.id.value ?? ScenarioDecoder.defaultContactID
        func zone(for contact: Located<String>?) -> Zone { contactZones[contact?.value ?? soleContact] ?? projectZone }

        var failures: [ScenarioFailure] = []
        var events = scenario.contacts.map { contact in
            Event(kind: .identify, contactID: contact.id.value, timestamp: clock.start,
                  traits: initialTraits(of: contact), line: contact.span.start.line)
        }
        var timed: [(time: Int64, event: Event)] = []
        for event in scenario.events {
            let time = clock.instant(event.time, in: zone(for: event.contact))
            guard time >= clock.start else {
                failures.append(ScenarioFailure(file: scenario.file, span: event.time.span,
                    message: "event time `\(event.time.text)` is \(RFC3339.format(time)), before the scenario's start \(RFC3339.format(clock.start))"))
                continue
            }
            timed.append((time, Self.event(event, contact: event.contact?.value ?? soleContact, at: time)))
        }
        let end = scenario.until.map { clock.instant($0, in: zone(for: nil)) }
        failures += uncheckableTimes(scenario, clock: clock, end: end, zone: zone)
        // A stable sort: events at the same instant keep the order they are written in.
        events += timed.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element.event)

        let collector = RecordCollector()
        let replayer = Replayer(project: compiled, sink: collector)
        var inputs: [(position: Int, line: TimelineLine)] = []
        for (index, event) in events.enumerated() {
            if index >= scenario.contacts.count {
                inputs.append((collector.records.count, TimelineLine(
                    mark: .happened, time: event.timestamp, contact: event.contactID, text: Self.text(event), expectation: nil)))
            }
            replayer.process(event)
        }
        if let end {
            replayer.finish(until: end)
        } else {
            drain(replayer, from: latestNamedTime(scenario, latestEvent: timed.map(\.time).max(), clock: clock, zone: zone))
        }

        let evaluator = ExpectationEvaluator(
            scenario: scenario, clock: clock, records: collector.records, inputs: inputs, soleContact: soleContact,
            zone: zone, traits: replayer.traits(of:))
        let outcome = evaluator.evaluate()
        return ScenarioResult(name: scenario.name.value, file: scenario.file, span: scenario.span, start: clock.start,
                              failures: failures + outcome.failures, timeline: outcome.timeline)
    }

    /// The default end of a scenario's run: the clock runs to the latest time the scenario
    /// names (its start, events and expectation times), then on from timer to timer while any
    /// instance is still running, at most `drainLimit` further. Date and inactivity triggers
    /// due on the way fire as usual.
    private func drain(_ replayer: Replayer, from latest: Int64) {
        replayer.finish(until: latest)
        let limit = ScenarioClock.adding(latest, Self.drainLimit)
        while replayer.summary.entered > replayer.summary.ended.total,
              let next = replayer.nextTimerDue, next <= limit {
            replayer.finish(until: max(next, replayer.now))
        }
    }

    /// Expectation times the run cannot check: before the start, after `until` (the clock never
    /// gets there, so a `not_sent` would pass by default), or a `between` whose end comes first.
    /// Local times of day are resolved only here, so `check` cannot catch these.
    private func uncheckableTimes(_ scenario: Scenario, clock: ScenarioClock, end: Int64?, zone: (Located<String>?) -> Zone) -> [ScenarioFailure] {
        var failures: [ScenarioFailure] = []
        for expectation in scenario.expectations {
            guard let match = expectation.timeMatch else { continue }
            let contactZone = zone(expectation.contact)
            for time in match.times {
                let instant = clock.instant(time, in: contactZone)
                if instant < clock.start {
                    failures.append(ScenarioFailure(file: scenario.file, span: time.span,
                        message: "expectation time `\(time.text)` is \(RFC3339.format(instant)), before the scenario's start \(RFC3339.format(clock.start))"))
                } else if let end, instant > end {
                    failures.append(ScenarioFailure(file: scenario.file, span: time.span,
                        message: "expectation time `\(time.text)` is \(RFC3339.format(instant)), after `until` \(RFC3339.format(end)): the run stops before it, so it cannot be checked"))
                }
            }
            if case .between(let from, let to) = match, clock.instant(from, in: contactZone) > clock.instant(to, in: contactZone) {
                failures.append(ScenarioFailure(file: scenario.file, span: from.span,
                    message: "`between` starts at `\(from.text)`, after its end `\(to.text)`: write the earlier time first"))
            }
        }
        return failures
    }

    /// The latest of the start, the latest event (already resolved) and the expectation times.
    private func latestNamedTime(_ scenario: Scenario, latestEvent: Int64?, clock: ScenarioClock, zone: (Located<String>?) -> Zone) -> Int64 {
        var latest = max(clock.start, latestEvent ?? clock.start)
        for expectation in scenario.expectations {
            for time in expectation.timeMatch?.times ?? [] {
                latest = max(latest, clock.instant(time, in: zone(expectation.contact)))
            }
        }
        return latest
    }

    /// A contact's zone: its `timezone`, else its `timezone` trait, else the project's zone.
    private func resolvedZone(of contact: ScenarioContact) -> Zone {
        let trait = contact.traits.last { $0.trait.value == "timezone" }?.value.value
        let name: String? = if case .string(let text) = trait { text } else { nil }
        return zones.zone(forTrait: contact.timezone?.value ?? name, fallback: projectZone)
    }

    private func initialTraits(of contact: ScenarioContact) -> Value.Object {
        var pairs = contact.traits.map { ($0.trait.value, $0.value.value) }
        if let timezone = contact.timezone { pairs.append(("timezone", .string(timezone.value))) }
        return Value.Object(pairs)
    }

    /// An input event as timeline text: `track NAME` or `identify TRAIT, ...`.
    private static func text(_ event: Event) -> String {
        event.kind == .track ? "track \(event.name ?? "")" : "identify " + event.traits.object.keys.joined(separator: ", ")
    }

    private static func event(_ event: ScenarioEvent, contact: String, at time: Int64) -> Event {
        switch event.kind {
        case .track(let name, let properties):
            Event(kind: .track, contactID: contact, name: name.value, timestamp: time,
                  properties: properties, line: event.span.start.line)
        case .identify(let traits):
            Event(kind: .identify, contactID: contact, timestamp: time,
                  traits: Value.Object(traits.map { ($0.trait.value, $0.value.value) }), line: event.span.start.line)
        }
    }
}
