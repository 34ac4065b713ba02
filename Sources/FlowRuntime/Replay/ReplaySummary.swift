/// Counts of one replay, for the human summary.
public struct ReplaySummary: Equatable, Sendable {
    public var events = 0
    public var contacts = 0
    public var entered = 0
    public var ended = EndCounts()
    public var sends = 0
    public var skips: [String: Int] = [:]
    /// Sends postponed by a delivery window.
    public var postponed = 0
    /// Timers still due after the replay stopped.
    public var pendingTimers = 0

    public init() {}
}

/// Instances ended, by reason: one counter per reason (counted for every instance that ends,
/// where a dictionary would hash the reason's name each time).
public struct EndCounts: Equatable, Sendable {
    private var completed = 0, converted = 0, exited = 0, audience = 0, restarted = 0, loop = 0

    public init() {}

    public subscript(reason: EndReason) -> Int {
        get {
            switch reason {
            case .completed: completed
            case .converted: converted
            case .exited: exited
            case .audience: audience
            case .restarted: restarted
            case .loop: loop
            }
        }
        set {
            switch reason {
            case .completed: completed = newValue
            case .converted: converted = newValue
            case .exited: exited = newValue
            case .audience: audience = newValue
            case .restarted: restarted = newValue
            case .loop: loop = newValue
            }
        }
    }

    /// Instances ended for any reason.
    public var total: Int { completed + converted + exited + audience + restarted + loop }
}

/// Receives the replay's records as they happen, in time order. A record is handed over
/// (`consuming`), so a sink that keeps it takes it without copying its parts.
public protocol RunRecordSink: AnyObject {
    func receive(_ record: consuming RunRecord)
}
