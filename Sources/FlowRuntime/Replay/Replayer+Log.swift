/// Replaying a whole event log: the one loop behind `flowc run`, `report`, `graph` and `explain`.
extension Replayer {
    /// Processes every event `reader` yields, in order, calling `observe` with each right after
    /// it was applied. Stops at the first fatal log error; run `finish` afterwards.
    public func process(_ reader: some EventSource, observe: (Event) -> Void = { _ in }) throws(EventLogError) {
        while let event = try reader.next() {
            prefetchContacts(of: reader)
            process(event)
            observe(event)
        }
    }

    /// Contacts of the next events, a stage per distance: by the time an event comes, its
    /// contact's slot, entry, object and the arrays it reads are in cache, which its look-up and
    /// processing otherwise waited for one after another.
    private func prefetchContacts(of reader: some EventSource) {
        if let hash = reader.upcomingContactHash(4) { contacts.prefetch(hash: hash, .slot) }
        if let hash = reader.upcomingContactHash(3) { contacts.prefetch(hash: hash, .entry) }
        if let hash = reader.upcomingContactHash(2) { contacts.prefetch(hash: hash, .contact) }
        if let hash = reader.upcomingContactHash(1) { contacts.prefetch(hash: hash, .parts) }
    }
}
