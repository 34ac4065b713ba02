/// Where replay takes its events from, one at a time, in log order.
public protocol EventSource: AnyObject {
    /// The next event, nil at the end of the log; a fatal log error ends the stream.
    func next() throws(EventLogError) -> Event?
}

extension EventLogReader: EventSource {}
