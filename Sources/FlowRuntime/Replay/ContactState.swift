import CPrefetch
import FlowIR
import FlowSyntax

/// Everything the replay remembers about one contact: traits, consent, the history that
/// expressions need, entries per flow and key, recent marketing sends and running instances.
///
/// The stored properties are laid out in declaration order (168 bytes in all), grouped by the
/// 64-byte cache line they fall on, so that what replay does to a contact mostly touches one or
/// two lines (on the demo log the grouping cut the replay thread's last-level cache misses by
/// 3.7%):
/// 1. with the object header, what nearly every event reads: id, traits, instances, consent and
///    whether the email is deliverable;
/// 2. zone and recent marketing sends (read by sends), event history and trigger slots;
/// 3. entry records and yearly date occurrences.
final class ContactState {
    let id: String
    /// Packed (see `PackedObject`): kept for every contact, read by key now and then. Changed
    /// through `updateTraits` and `replaceTraits`, which forget what was derived from them.
    private(set) var traits = PackedObject()
    /// Running instances in entry order.
    var instances: [Instance] = []
    var unsubscribed = false
    var markedSpam = false
    var hardBounced = false
    /// `hasDeliverableEmail` once asked for, kept until the `email` trait changes.
    private var checkedEmail: Bool?

    /// The contact's zone (see `Replayer.zone(of:)`), kept until the `timezone` trait changes.
    var zone: Zone?
    /// Times of recent marketing sends, oldest first (for frequency caps).
    var marketingSends: [Int64] = []
    /// Per remembered event: total count, last time, and times within the longest `count` window.
    var history = SmallMap<String, EventHistory>()
    /// The armed date or inactivity trigger per flow position.
    var triggerSlots = SmallMap<Int, TriggerSlot>()

    /// Entries per (flow position, key text).
    var entries = EntryRecords()
    /// The occurrence a yearly date trigger last fired for, per flow, as days since 1970-01-01
    /// (8 bytes, where a `CivilDate` takes 24).
    var lastDateOccurrence = SmallMap<Int, Int>()

    init(id: String) {
        self.id = id
    }

    /// Sets traits in order (a null value removes one), calling `willChange` first for each
    /// with its key, old value and new one.
    func updateTraits(_ changes: some Collection<Value.Object.Member>,
                      willChange: ((_ key: String, _ old: Value?, _ new: Value?) -> Void)? = nil) {
        var traits = traits.object
        for change in changes {
            let key = change.key
            let old = traits[key]
            let new = change.value.isNull ? nil : change.value
            willChange?(key, old, new)
            traits[key] = new
            let isTimezone = key.utf8.count == 8 && key == "timezone"
            let isEmail = key.utf8.count == 5 && key == "email"
            // Logs repeat a contact's traits on every identify: the same email or timezone, byte
            // for byte, keeps what was derived from it.
            guard !((isTimezone || isEmail) && Self.sameText(old, new)) else { continue }
            if isTimezone { zone = nil }
            if isEmail { checkedEmail = nil }
        }
        self.traits = PackedObject(traits)
    }

    /// Whether both values are strings with the same UTF-8 bytes (`String ==` would also equate
    /// other spellings of the same text).
    private static func sameText(_ a: Value?, _ b: Value?) -> Bool {
        guard case .string(let a) = a, case .string(let b) = b else { return false }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// Replaces all traits.
    func replaceTraits(_ traits: PackedObject) {
        self.traits = traits
        zone = nil
        checkedEmail = nil
    }

    /// Whether the `email` trait is a deliverable address (see `EmailAddress.isDeliverable`): the
    /// address a send goes to (`PlannedSend.to`).
    var hasDeliverableEmail: Bool {
        if let checkedEmail { return checkedEmail }
        var deliverable = false
        if case .string(let text) = traits["email"] { deliverable = EmailAddress.isDeliverable(text) }
        checkedEmail = deliverable
        return deliverable
    }

    /// Starts loading, without waiting, the contact object at `address`: its 168 bytes span
    /// three cache lines, or four. Read from nothing, so the object need not be in cache yet.
    static func prefetchObject(at address: UnsafeRawPointer) {
        for offset in [0, 64, 128, 167] { flowc_prefetch(address + offset) }
    }

    /// Starts loading, without waiting, the arrays nearly every event of the contact reads: its
    /// running instances and its entry records (see `EntryRecords.prefetch`). A hint only, for
    /// `ContactTable.prefetch`.
    func prefetchParts() {
        prefetchStorage(of: &instances)
        entries.prefetch()
    }

    /// Starts loading, without waiting, the storage a timer's send reads: the running
    /// instances (an ending instance leaves them), recent marketing sends (frequency caps) and
    /// the traits (the planned send takes them). A hint only, for `Replayer.fireTimers`.
    func prefetchSendParts() {
        prefetchStorage(of: &instances)
        prefetchStorage(of: &marketingSends)
        prefetchStorage(of: &traits)
    }
}

/// A contact's armed date or inactivity trigger for one flow. Re-arming only updates the slot;
/// the queue holds at most one timer per slot, moved on when it comes due early, so re-arming on
/// every event costs no queue growth.
///
/// 35 bytes, so that a slot with its flow takes 48 in a contact's `triggerSlots` (an optional
/// queued due time and a `CivilDate` occurrence made it 72).
struct TriggerSlot {
    /// When the trigger fires, and the sequence it was armed with (for tie order).
    var due: Int64
    var sequence: UInt64
    /// `queuedDue` while `isQueued`.
    private var queuedAt: Int64 = 0
    /// What the instance starts with: the watched event of an inactivity trigger, the
    /// occurrence of a date trigger (its event is made when it fires, see `triggerEvent`).
    var cause: TriggerCause
    private var isQueued = false
    var isArmed = true

    init(due: Int64, sequence: UInt64, cause: TriggerCause) {
        self.due = due
        self.sequence = sequence
        self.cause = cause
    }

    /// The due time of the timer in the queue for this slot, if one is there.
    var queuedDue: Int64? {
        get { isQueued ? queuedAt : nil }
        set {
            isQueued = newValue != nil
            queuedAt = newValue ?? 0
        }
    }
}

enum TriggerCause {
    case event(TriggerEvent)
    /// The occurrence, as days since 1970-01-01.
    case date(daysSinceEpoch: Int)
}

extension TriggerSlot {
    /// The event the instance starts with: for a date trigger, `date` at the firing time with
    /// `properties.date` the occurrence (spec 2.1).
    var triggerEvent: TriggerEvent {
        switch cause {
        case .event(let event):
            event
        case .date(let days):
            TriggerEvent(name: "date", timestamp: due,
                         properties: Value.Object(distinctMembers: [.init(key: "date", value: .string(CivilDate(daysSinceEpoch: days).description))]))
        }
    }
}

/// What is remembered of one event name for one contact.
struct EventHistory {
    var total = 0
    var last: Int64 = .min
    /// Times within the longest window any `count` asks about, oldest first.
    var recent: [Int64] = []

    mutating func record(_ time: Int64, window: Int64) {
        total += 1
        last = time
        guard window > 0 else { return }
        recent.append(time)
        if let first = recent.first, first <= time - window {
            recent.removeAll { $0 <= time - window }
        }
    }

    /// Events in (now − within, now].
    func count(within: Int64, now: Int64) -> Int {
        var n = 0
        for time in recent.reversed() {
            if time <= now - within { break }
            if time <= now { n += 1 }
        }
        return n
    }
}
