import FlowIR
import FlowSyntax

/// The replay engine (spec section 4): a pure function of (project, events, until) that
/// produces run records. Feed events in timestamp order with `process`, then call `finish`.
///
/// Time is data: the clock is the timestamp of the event being processed, and timers due
/// at or before it fire first, in (due time, scheduling order).
public final class Replayer {
    enum Timer {
        /// A wait, `wait_for` deadline or postponed send of an instance (its `timer`).
        case instance(Instance, TimerKind)
        /// A contact's date or inactivity trigger for a flow (see `TriggerSlot`).
        case trigger(ContactState, flow: Int)
    }

    /// What an instance's timer does when it fires: resume at a step, or try a postponed send
    /// again. One word (a step position, or -1 for a send), so that a queued `Timer` is two
    /// words: with an enum's tag byte it took three in the queue's slots.
    struct TimerKind {
        private let position: Int

        /// Resume the instance at step `position`.
        static func resume(at position: Int) -> TimerKind {
            precondition(position >= 0, "a step position")
            return TimerKind(position: position)
        }

        /// Try the postponed send at the instance's step again.
        static let sendAgain = TimerKind(position: -1)

        /// The step to resume at; nil for a send tried again.
        var resumePosition: Int? { position >= 0 ? position : nil }
    }

    let project: CompiledProject
    let sink: RunRecordSink
    var contacts = ContactTable()
    /// The project's event routes, found by the name string's words before the name is hashed
    /// (the reader makes each distinct event name once; see `StringBitsCache`).
    var routes = StringBitsCache<EventRoute?>(setBits: 5)
    /// Delivery-window answers, per flow and zone (see `WindowMemo`).
    var windowMemo = WindowMemo()
    var timers = TimerQueue<Timer>()
    var pendingTimers = PendingTimers()
    /// Replay time, milliseconds since the epoch.
    public internal(set) var now: Int64 = .min
    /// Counts the events processed, so `wait_for` sees only events after it was reached.
    var eventSequence: UInt64 = 0
    var entryOrder: UInt64 = 0
    let zones = ZoneCache()
    let projectZone: Zone
    /// The longest frequency-cap period of any flow: older marketing sends are forgotten.
    let longestCapPeriod: Int64
    public internal(set) var summary = ReplaySummary()
    /// Receives the replay's decisions in detail when set (see `ReplayTracer`).
    public var tracer: ReplayTracer?
    /// Contacts known to be hard-bounced before the replay (from the delivery ledger).
    let bouncedContacts: Set<String>

    /// What expressions see while one is evaluated (see `ExpressionEnvironment`).
    var scope = Scope()

    /// The objects an expression sees, set just before it is evaluated by code that holds them
    /// (a parameter, or a `let` of one) until the evaluation and any tracing of it are done.
    /// So the scope does not own them: unmanaged references save a retain and a release per
    /// object and evaluation, a tenth of the replay's reference counting, and readers borrow the
    /// objects (`_withUnsafeGuaranteedRef`) rather than hold them. Read it only while the code
    /// that set it runs.
    struct Scope {
        var contact: Unmanaged<ContactState>?
        var instance: Unmanaged<Instance>?
        var event: Unmanaged<TriggerEvent>?
        var trigger: Unmanaged<TriggerEvent>?

        init() {}

        init(contact: ContactState?, instance: Instance?, event: TriggerEvent?, trigger: TriggerEvent?) {
            self.contact = contact.map(Unmanaged.passUnretained)
            self.instance = instance.map(Unmanaged.passUnretained)
            self.event = event.map(Unmanaged.passUnretained)
            self.trigger = trigger.map(Unmanaged.passUnretained)
        }
    }

    /// `bouncedContacts` start out hard-bounced, as if an `Email Bounced` came first: an SMTP
    /// server refused them for good in an earlier run.
    public init(project: CompiledProject, sink: RunRecordSink, bouncedContacts: Set<String> = []) {
        self.project = project
        self.sink = sink
        self.bouncedContacts = bouncedContacts
        projectZone = zones.zone(named: project.timezone) ?? .utc
        longestCapPeriod = project.flows.compactMap(\.frequencyCap?.per).max() ?? 0
    }

    /// Processes one event: fires the timers due at or before it, then applies it (spec 4.3).
    public func process(_ event: Event) {
        fireTimers(through: event.timestamp)
        now = event.timestamp
        if let tracer { tracer.trace(.event(event), contact: event.contactID, time: now) }
        eventSequence += 1
        summary.events += 1
        let contact = contactState(event.contactID, hash: event.contactHash)
        switch event.kind {
        case .identify:
            identify(contact, traits: event.traits)
        case .track:
            if let name = event.name { track(contact, name: name, event: event) }
        }
    }

    /// Runs the clock on to `until` (default: the last event's time), firing what is due, and
    /// counts what stays pending.
    public func finish(until: Int64? = nil) {
        if let until { fireTimers(through: until) }
        if let until, until > now { now = until }
        summary.contacts = contacts.count
        summary.pendingTimers = pendingTimers.total
    }

    /// The contact with this id (`hash` is its `StringBytes.hash`), new if there was none.
    func contactState(_ id: String, hash: UInt64) -> ContactState {
        contacts.contact(id, hash: hash) {
            let contact = ContactState(id: id)
            contact.hardBounced = bouncedContacts.contains(id)
            return contact
        }
    }

    /// The contact's zone: the one its `timezone` trait names, else the project's; kept on the
    /// contact until the trait changes.
    func zone(of contact: ContactState) -> Zone {
        if let zone = contact.zone { return zone }
        var named: Zone?
        _ = contact.traits.withUTF8(ofString: "timezone") { named = zones.zone(namedUTF8: $0) }
        let zone = named ?? projectZone
        contact.zone = zone
        return zone
    }

    // MARK: Events

    private func identify(_ contact: ContactState, traits: PackedObject) {
        if contact.traits.isEmpty, tracer == nil, !traits.hasNullMember {
            contact.replaceTraits(traits) // a contact's first traits: kept as packed by the reader
            armDateTriggers(contact, readingAnyOf: traits)
        } else {
            setTraits(contact, traits.object.orderedMembers)
        }
    }

    /// Sets (or, for null, removes) traits in order, then re-arms the date triggers reading them.
    func setTraits(_ contact: ContactState, _ changes: some Collection<Value.Object.Member>) {
        if let tracer {
            contact.updateTraits(changes) { key, old, new in self.traceTraitChange(contact, key: key, from: old, to: new, tracer) }
        } else {
            contact.updateTraits(changes)
        }
        guard !project.dateTriggers.isEmpty else { return }
        for change in changes {
            var key = change.key
            key.withUTF8 { armDateTriggers(contact, readingTrait: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Re-arms the date triggers that read a trait of `traits`, in the order of its members.
    private func armDateTriggers(_ contact: ContactState, readingAnyOf traits: PackedObject) {
        switch project.dateTriggers.count {
        case 0: return
        case 1: // one trait to look for: no walk over every key
            guard traits.containsKey(project.dateTriggers[0].trait) else { return }
            for flow in project.dateTriggers[0].flows { armDateTrigger(contact, flow: flow) }
        default:
            traits.forEachKey { armDateTriggers(contact, readingTrait: $0) }
        }
    }

    /// Re-arms the date triggers that read the trait whose key has the UTF-8 `trait`.
    private func armDateTriggers(_ contact: ContactState, readingTrait trait: UnsafeRawBufferPointer) {
        for dateTrigger in project.dateTriggers where StringBytes.equal(dateTrigger.trait, trait) {
            for flow in dateTrigger.flows { armDateTrigger(contact, flow: flow) }
        }
    }

    private func track(_ contact: ContactState, name: String, event: Event) {
        // One look-up tells what the event can do; most events of a busy log do nothing here.
        guard let route = routes.value(for: name, orMake: { project.eventRoutes[$0] }) else { return }

        // 1. History and consent.
        if let need = route.history {
            contact.history[name, default: EventHistory()].record(now, window: need.window)
        }
        if let feedback = route.feedback { apply(feedback, to: contact, properties: event.properties) }
        // The event as instances and expressions see it, made only when something will: most
        // feedback events (opens, clicks) neither start a flow nor concern a running instance.
        guard !route.triggeredFlows.isEmpty || (!contact.instances.isEmpty && route.isObserved) else { return }
        let candidate = TriggerEvent(name: name, timestamp: event.timestamp, properties: event.properties)

        // 2. Goals, exits and waiting `wait_for`s of running instances, by flow then entry order.
        if contact.instances.count == 1 {
            if route.observedBy[contact.instances[0].flow] { observe(candidate, by: contact.instances[0]) }
        } else if !contact.instances.isEmpty {
            // A copy, since observing can end instances; sorted (and so allocated) only when entry
            // order is not already flow order.
            var running = contact.instances
            let byFlowThenEntry: (Instance, Instance) -> Bool = { ($0.flow, $0.order) < ($1.flow, $1.order) }
            if zip(running, running.dropFirst()).contains(where: { !byFlowThenEntry($0, $1) }) { running.sort(by: byFlowThenEntry) }
            for instance in running where instance.isActive && route.observedBy[instance.flow] {
                observe(candidate, by: instance)
            }
        }

        // 3. Triggers, in flow order.
        for flow in route.triggeredFlows {
            switch project.flows[flow].trigger {
            case .inactivity(_, let duration, let condition):
                if holds(condition, contact: contact, event: candidate) {
                    armTrigger(contact, flow: flow, due: now + duration, cause: .event(candidate))
                } else if let tracer {
                    traceCondition(flow, .trigger, held: false, contact: contact, tracer)
                }
            case .event(_, let condition):
                if holds(condition, contact: contact, event: candidate) {
                    enter(flow, contact: contact, trigger: candidate)
                } else if let tracer {
                    traceCondition(flow, .trigger, held: false, contact: contact, tracer)
                }
            case .date:
                break
            }
        }
    }

    /// Consent (spec 4.8) and opens/clicks of sent messages. The events whose properties are read
    /// here are the ones `MailFeedback.readsProperties` names: `flowc run` builds no properties
    /// for other events that no flow reads.
    private func apply(_ feedback: MailFeedback, to contact: ContactState, properties: PackedObject) {
        let change: (suppression: Suppression, suppressed: Bool)
        switch feedback {
        case .unsubscribed:
            contact.unsubscribed = true
            change = (.unsubscribed, true)
        case .subscribed:
            contact.unsubscribed = false
            change = (.unsubscribed, false)
        case .markedSpam:
            contact.markedSpam = true
            change = (.spam, true)
        case .bounced:
            if case .string("soft") = properties["type"] { return }
            contact.hardBounced = true
            change = (.bounced, true)
        case .opened, .clicked:
            guard !contact.instances.isEmpty, case .string(let text) = properties["email_id"], let id = MessageID(hex: text)
            else { return }
            for instance in contact.instances {
                instance.sent.update(id: id) { message in
                    if feedback == .opened { message.opened = true } else { message.clicked = true }
                }
            }
            return
        }
        if let tracer {
            tracer.trace(.suppressionChanged(change.suppression, suppressed: change.suppressed), contact: contact.id, time: now)
        }
    }

    /// Goal, exit, then a waiting `wait_for` of one running instance.
    private func observe(_ event: TriggerEvent, by instance: Instance) {
        let flowIndex = instance.flow
        if let goal = project.flows[flowIndex].goal, goal.event == event.name, holds(goal.where, for: instance, seeing: event) {
            if let tracer { traceCondition(flowIndex, .goal, held: true, contact: instance.contact, tracer) }
            end(instance, .converted)
            return
        }
        for (position, exit) in project.flows[flowIndex].exits.enumerated()
        where exit.event == event.name && holds(exit.where, for: instance, seeing: event) {
            if let tracer { traceCondition(flowIndex, .exit(position), held: true, contact: instance.contact, tracer) }
            end(instance, .exited)
            return
        }
        if let tracer { traceMisses(event, by: instance, tracer) }
        guard let since = instance.waitingSince, since < eventSequence,
              case .waitFor(let waitFor) = project.flows[flowIndex].steps[instance.position].action, waitFor.event == event.name,
              holds(waitFor.where, for: instance, seeing: event)
        else { return }
        if let tracer { traceWaitForMatch(waitFor, by: instance, tracer) }
        instance.waitingSince = nil
        cancelTimer(of: instance)
        run(instance, from: waitFor.then)
    }

    /// Whether `condition` (true when there is none) holds for a running instance seeing `event`.
    /// The scope is set only when there is something to evaluate.
    private func holds(_ condition: CompiledExpression?, for instance: Instance, seeing event: TriggerEvent) -> Bool {
        guard let condition else { return true }
        scope = Scope(contact: instance.contact, instance: instance, event: event, trigger: instance.trigger)
        return condition.holds(in: self)
    }

    private func holds(_ condition: CompiledExpression?, contact: ContactState, event: TriggerEvent) -> Bool {
        guard let condition else { return true }
        scope = Scope(contact: contact, instance: nil, event: event, trigger: nil)
        return condition.holds(in: self)
    }

    // MARK: Records

    func emit(_ record: consuming RunRecord) {
        sink.receive(record)
    }

    func skip(_ flow: Int, step: String?, contact: ContactState, reason: String) {
        summary.skips[reason, default: 0] += 1
        emit(.skip(.init(time: now, flow: project.flows[flow].id, step: step, contact: contact.id, reason: reason)))
    }

    /// Ends a running instance with `reason`, voiding its timers.
    func end(_ instance: Instance, _ reason: EndReason) {
        guard instance.isActive else { return }
        instance.isActive = false
        cancelTimer(of: instance)
        instance.waitingSince = nil
        instance.contact.instances.removeAll { $0 === instance }
        summary.ended[reason] += 1
        emit(.end(.init(time: now, flow: project.flows[instance.flow].id, contact: instance.contact.id, key: instance.key, reason: reason)))
    }
}
