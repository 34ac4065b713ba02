/// Counts of one replay, for the human summary.
public struct ReplaySummary: Equatable, Sendable {
    public var events = 0
    public var contacts = 0
    public var entered = 0
    public var ended: [EndReason: Int] = [:]
    public var sends = 0
    public var skips: [String: Int] = [:]
    /// Sends postponed by a delivery window.
    public var postponed = 0
    /// Timers still due after the replay stopped.
    public var pendingTimers = 0

    public init() {}
}

/// Receives the replay's records as they happen, in time order. A record is handed over
/// (`consuming`), so a sink that keeps it takes it without copying its parts.
public protocol RunRecordSink: AnyObject {
    func receive(_ record: consuming RunRecord)
}
