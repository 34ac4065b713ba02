/// Replaying a whole event log: the one loop behind `flowc run`, `report`, `graph` and `explain`.
extension Replayer {
    /// Processes every event `reader` yields, in order, calling `observe` with each right after
    /// it was applied. Stops at the first fatal log error; run `finish` afterwards.
    public func process(_ reader: some EventSource, observe: (Event) -> Void = { _ in }) throws(EventLogError) {
        while let event = try reader.next() {
            process(event)
            observe(event)
        }
    }
}
