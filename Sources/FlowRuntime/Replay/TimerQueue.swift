import CPrefetch

/// Timers ordered by due time, then by the order they were scheduled (spec 4.2: ties fire in
/// scheduling order).
///
/// Laid out for hundreds of thousands of pending timers, most of them hours or days ahead: only
/// the timers due before `horizon` are in `near`; later ones wait unsorted in buckets of about
/// 70 minutes of due time, and a bucket is sorted into `near` (as its run, see `SortedRunHeap`)
/// when the clock reaches it. `near` stays small enough to stay in cache, and scheduling a
/// timer for tomorrow is an append. The payloads stay put in slots of their own, read once,
/// when their timer comes out.
///
/// A timer can be cancelled by its slot: its payload is let go at once, and its key is dropped
/// when it comes out. The slot is reused only then, so a key never finds another timer's payload.
struct TimerQueue<Payload> {
    /// When a timer fires and where its payload is.
    private struct Key: HeapOrdered {
        var due: Int64
        var sequence: UInt64
        var slot: Int
        /// An address the caller wants in cache when the timer comes out (see `schedule`).
        var hint: UnsafeRawPointer?

        /// Earlier due time, then earlier scheduling.
        @inline(__always)
        func precedes(_ other: Key) -> Bool {
            due != other.due ? due < other.due : sequence < other.sequence
        }
    }

    struct Entry {
        var due: Int64
        var sequence: UInt64
        var payload: Payload
    }

    /// A bucket holds the timers due in one span of 2^22 ms (about 70 minutes).
    private static var bucketShift: Int64 { 22 }

    /// The timers due before `horizon`: the bucket taken last, and those scheduled since.
    private var near = SortedRunHeap<Key>()
    /// Due times from here on are in `later`; `.max` once the last possible bucket was taken.
    private var horizon: Int64 = .min
    /// Timers due at or after `horizon`, by bucket number (due time >> `bucketShift`).
    private var later = TimerBuckets<Key>()
    /// The numbers of the buckets in `later`.
    private var laterBuckets = MinHeap<Int64>()
    /// Payloads by slot; nil in a free slot and in the slot of a cancelled timer.
    private var payloads: [Payload?] = []
    /// Slots free for reuse, the latest freed (still in cache) last.
    private var freeSlots: [Int] = []
    private var nextSequence: UInt64 = 0

    /// Pending timers (cancelled ones not counted), found by walking the slots: for inspection,
    /// not for the replay's hot path.
    var count: Int { payloads.count(where: { $0 != nil }) }

    /// The due time of the earliest timer, cancelled ones included (firing up to it may then
    /// fire nothing).
    var nextDue: Int64? {
        if let first = near.first { return first.due }
        guard let bucket = laterBuckets.first else { return nil }
        return later.keys(of: bucket).lazy.map(\.due).min()
    }

    /// Schedules `payload` to come out at `due`; returns the slot that `cancel` takes. `hint`
    /// is an address for `prefetchUpcoming` to hand back, ahead of the timer: it must stay
    /// readable until the timer comes out, cancelled or not.
    @discardableResult
    mutating func schedule(at due: Int64, _ payload: Payload, hint: UnsafeRawPointer? = nil) -> Int {
        schedule(at: due, sequence: reserveSequence(), payload, hint: hint)
    }

    /// The sequence number a timer scheduled now gets; a timer moved later keeps the sequence
    /// of the moment it was (re)scheduled, so ties still fire in scheduling order.
    mutating func reserveSequence() -> UInt64 {
        defer { nextSequence += 1 }
        return nextSequence
    }

    @discardableResult
    mutating func schedule(at due: Int64, sequence: UInt64, _ payload: Payload, hint: UnsafeRawPointer? = nil) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            payloads[free] = payload
            slot = free
        } else {
            slot = payloads.count
            payloads.append(payload)
        }
        let key = Key(due: due, sequence: sequence, slot: slot, hint: hint)
        if due < horizon || horizon == .max {
            near.push(key)
        } else {
            let bucket = due >> Self.bucketShift
            if later.append(key, to: bucket, base: horizon == .min ? nil : horizon >> Self.bucketShift) {
                laterBuckets.push(bucket)
            }
        }
        return slot
    }

    /// Cancels the pending timer in `slot` (as `schedule` returned it): its payload is released
    /// now, and the timer never comes out of `popDue`.
    mutating func cancel(_ slot: Int) {
        assert(payloads[slot] != nil, "cancelling a timer that is not pending")
        payloads[slot] = nil
    }

    /// Removes and returns the earliest timer if it is due at or before `time`.
    /// Cancelled timers are passed over. Inlined into its caller: compiled on its own, the
    /// loop handled `Payload?` through the generic value witnesses.
    @inline(__always)
    mutating func popDue(atOrBefore time: Int64) -> Entry? {
        while let key = popKey(atOrBefore: time) {
            freeSlots.append(key.slot)
            if let payload = payloads[key.slot].take() {
                return Entry(due: key.due, sequence: key.sequence, payload: payload)
            }
        }
        return nil
    }

    /// Helps the caller have what coming timers read in cache by the time they come out, in
    /// three stages, counting from the timer just popped: `threeAhead` gets the hint (see
    /// `schedule`) of the timer three ahead, and its payload's slot is prefetched; `twoAhead`
    /// gets the payload of the timer two ahead, in cache by then, and its hint; `oneAhead` the
    /// payload of the next timer. Only timers in `near` are looked at. `mutating` only so
    /// that the queue is read in place: a non-mutating call on a class's stored queue copied it
    /// (five retains).
    @inline(__always)
    mutating func prefetchUpcoming(
        oneAhead: (borrowing Payload) -> Void,
        twoAhead: (borrowing Payload, UnsafeRawPointer?) -> Void,
        threeAhead: (UnsafeRawPointer?) -> Void
    ) {
        let (first, second, third) = near.upcoming
        payloads.withUnsafeBufferPointer { payloads in
            if let third {
                flowc_prefetch(payloads.baseAddress! + third.slot)
                threeAhead(third.hint)
            }
            if let second, let payload = payloads[second.slot] { twoAhead(payload, second.hint) }
            if let first, let payload = payloads[first.slot] { oneAhead(payload) }
        }
    }

    /// Removes and returns the earliest key if it is due at or before `time`.
    private mutating func popKey(atOrBefore time: Int64) -> Key? {
        if near.isEmpty, !takeNextBucket(startingAtOrBefore: time) { return nil }
        return near.popFirst { $0.due <= time }
    }

    /// Moves the earliest bucket into `near`, sorted, if it starts at or before `time`, and the
    /// horizon to its end. Only called with `near` empty: every timer in `near` is due before
    /// every timer in a bucket.
    private mutating func takeNextBucket(startingAtOrBefore time: Int64) -> Bool {
        guard let bucket = laterBuckets.first, bucket <= time >> Self.bucketShift else { return false }
        laterBuckets.popFirst()
        let keys = later.take(bucket)
        near.startRun(keys.sorted { $0.precedes($1) })
        horizon = bucket < Int64.max >> Self.bucketShift ? (bucket + 1) << Self.bucketShift : .max
        return true
    }

    /// Every pending payload, in no particular order.
    var pending: some Sequence<Payload> { payloads.lazy.compactMap(\.self) }
}
