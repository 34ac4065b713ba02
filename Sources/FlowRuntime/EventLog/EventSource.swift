/// Where replay takes its events from, one at a time, in log order.
public protocol EventSource: AnyObject {
    /// The next event, nil at the end of the log. After a fatal log error (thrown), do not ask
    /// again: the log's events end there.
    func next() throws(EventLogError) -> Event?

    /// The `contactHash` of the event `distance` places after the one `next` returns next (0
    /// is that one), when that event is already at hand; nil otherwise. A hint for prefetching:
    /// replay looks ahead only where that costs no waiting.
    func upcomingContactHash(_ distance: Int) -> UInt64?
}

extension EventSource {
    public func upcomingContactHash(_ distance: Int) -> UInt64? { nil }
}

extension EventLogReader: EventSource {}
