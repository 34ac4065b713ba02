import FlowSyntax

/// Read access to the replay's state, for tools that look at it after (or between) events:
/// scenario tests read traits after the run and step the clock from timer to timer.
extension Replayer {
    /// The traits of contact `contactID` (without `id`; found by their names' bytes, as
    /// expressions find them), or nil when no event named the contact.
    public func traits(of contactID: String) -> Value.Object? {
        contacts[contactID]?.traits.object
    }

    /// The due time of the earliest timer in the queue (it may belong to an instance that has
    /// ended since; firing it then does nothing), or nil when the queue is empty.
    public var nextTimerDue: Int64? { timers.nextDue }
}
