import CPrefetch
import FlowIR
import FlowSyntax

/// Timers (spec 4.2) and the date and inactivity triggers they drive (spec 2.1).
extension Replayer {
    /// Fires every timer due at or before `time`, in due-time then scheduling order.
    func fireTimers(through time: Int64) {
        while let entry = timers.popDue(atOrBefore: time) {
            now = max(now, entry.due)
            prefetchUpcomingTimers()
            switch entry.payload {
            case .instance(let instance, let kind):
                // Only a running instance has a timer (`end` cancels it).
                assert(instance.isActive && instance.timer != nil)
                instance.timer = nil
                pendingTimers.instances -= 1
                if let tracer { traceTimer(instance, due: nil, kind, tracer) }
                if let position = kind.resumePosition {
                    instance.waitingSince = nil
                    run(instance, from: position)
                } else { // a postponed send
                    run(instance, from: instance.position, countingVisit: false)
                }
            case .trigger(let contact, let flow):
                fireTrigger(contact, flow: flow, entry: entry)
            }
        }
    }

    /// Starts loading what coming timers read, in stages like an event's contact (see
    /// `ContactTable.prefetch`): three timers ahead, the contact (every timer's hint is its
    /// contact, which the contact table keeps alive for the whole replay); two ahead, whose
    /// contact came in meanwhile, the instance object and the contact's arrays that a send reads;
    /// one ahead, the event that started the instance (a send retains it). Hints only: they
    /// change nothing but what is in cache.
    private func prefetchUpcomingTimers() {
        timers.prefetchUpcoming { payload in
            if case .instance(let instance, _) = payload { instance.prefetchTrigger() }
        } twoAhead: { payload, contact in
            if case .instance(let instance, _) = payload { flowc_prefetch(Unmanaged.passUnretained(instance).toOpaque()) }
            if let contact { Unmanaged<ContactState>.fromOpaque(contact)._withUnsafeGuaranteedRef { $0.prefetchSendParts() } }
        } threeAhead: { contact in
            if let contact { ContactState.prefetchObject(at: contact) }
        }
    }

    /// A contact's address, the hint of its timers.
    private func address(of contact: ContactState) -> UnsafeRawPointer {
        UnsafeRawPointer(Unmanaged.passUnretained(contact).toOpaque())
    }

    /// Schedules `instance` to continue at `position` at `due`. An instance schedules only
    /// when it stops to wait, so it has no other timer then.
    func schedule(_ instance: Instance, at due: Int64, _ kind: TimerKind) {
        assert(instance.timer == nil, "an instance has one timer at most")
        if let tracer { traceTimer(instance, due: due, kind, tracer) }
        instance.timer = timers.schedule(at: due, .instance(instance, kind), hint: address(of: instance.contact))
        pendingTimers.instances += 1
    }

    /// Cancels the pending timer of `instance`, if it has one, when it moves on or ends; the
    /// queue then lets go of the instance at once instead of when the timer would have fired.
    func cancelTimer(of instance: Instance) {
        guard let slot = instance.timer else { return }
        timers.cancel(slot)
        instance.timer = nil
        pendingTimers.instances -= 1
    }

    // MARK: Trigger slots

    /// Arms (or re-arms) a contact's trigger of `flow` to fire at `due`.
    func armTrigger(_ contact: ContactState, flow: Int, due: Int64, cause: TriggerCause) {
        let sequence = timers.reserveSequence()
        var slot = TriggerSlot(due: due, sequence: sequence, cause: cause)
        let previous = contact.triggerSlots[flow]
        slot.queuedDue = previous?.queuedDue
        if previous?.isArmed != true { pendingTimers.triggers += 1 }
        if slot.queuedDue.map({ due < $0 }) ?? true {
            timers.schedule(at: due, sequence: sequence, .trigger(contact, flow: flow), hint: address(of: contact))
            slot.queuedDue = due
        }
        contact.triggerSlots[flow] = slot
        if let tracer { tracer.trace(.triggerArmed(flow: flow, due: due), contact: contact.id, time: now) }
    }

    func disarmTrigger(_ contact: ContactState, flow: Int) {
        if let tracer { traceTriggerCancelled(contact, flow: flow, tracer) }
        guard contact.triggerSlots[flow]?.isArmed == true else { return }
        contact.triggerSlots[flow]?.isArmed = false
        pendingTimers.triggers -= 1
    }

    private func fireTrigger(_ contact: ContactState, flow: Int, entry: TimerQueue<Timer>.Entry) {
        guard var slot = contact.triggerSlots[flow], slot.queuedDue == entry.due else { return }
        slot.queuedDue = nil
        guard slot.isArmed else {
            contact.triggerSlots[flow] = nil
            return
        }
        if slot.due != entry.due || slot.sequence != entry.sequence {
            // Re-armed for later since this timer was queued: move the timer on.
            timers.schedule(at: slot.due, sequence: slot.sequence, .trigger(contact, flow: flow), hint: address(of: contact))
            slot.queuedDue = slot.due
            contact.triggerSlots[flow] = slot
            return
        }
        contact.triggerSlots[flow] = nil
        pendingTimers.triggers -= 1
        if case .date(let occurrence) = slot.cause {
            contact.lastDateOccurrence[flow] = occurrence
            armDateTrigger(contact, flow: flow, after: slot.due)
        }
        let trigger = slot.triggerEvent
        if let tracer { tracer.trace(.triggerFired(flow: flow, trigger: trigger), contact: contact.id, time: now) }
        enter(flow, contact: contact, trigger: trigger)
    }

    /// (Re)computes the next firing of a date trigger from the contact's trait, after `after`
    /// (default: now); a missing or invalid date cancels it.
    func armDateTrigger(_ contact: ContactState, flow: Int, after: Int64? = nil) {
        guard case .date(let trait, let offsetDays, let at, let repeats) = project.flows[flow].trigger else { return }
        guard case .string(let value) = contact.traits[trait],
              let firing = zone(of: contact).nextDateFiring(
                  traitValue: value, repeats: repeats, offsetDays: offsetDays, at: at,
                  after: after ?? now, lastOccurrence: contact.lastDateOccurrence[flow].map(CivilDate.init(daysSinceEpoch:)))
        else {
            disarmTrigger(contact, flow: flow)
            return
        }
        armTrigger(contact, flow: flow, due: firing.instant, cause: .date(daysSinceEpoch: firing.occurrence.daysSinceEpoch))
    }

    /// Timers that would still fire, counted as they come and go: walking every contact at
    /// the end cost a cache miss or more per contact.
    struct PendingTimers {
        /// Instance timers (cancelled ones are gone from the queue).
        var instances = 0
        /// Armed trigger slots (a disarmed one may still have a void timer queued).
        var triggers = 0

        var total: Int { instances + triggers }
    }
}
