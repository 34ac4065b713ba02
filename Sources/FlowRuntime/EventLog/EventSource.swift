/// Where replay takes its events from, one at a time, in log order.
public protocol EventSource: AnyObject {
    /// The next event, nil at the end of the log. After a fatal log error (thrown), do not ask
    /// again: the log's events end there.
    func next() throws(EventLogError) -> Event?
}

extension EventLogReader: EventSource {}
