import FlowSyntax

/// A checked project compiled for replay, with the lookups the runner needs per event.
public struct CompiledProject: Sendable {
    /// Flows in id order (the order of spec 4.3).
    public var flows: [CompiledFlow]
    /// The project timezone name (default `UTC`).
    public var timezone: String
    public var templates: [String: EmailTemplate]
    /// The project's `unsubscribe_url` template.
    public var unsubscribeURL: String?
    /// Flows (by position in `flows`) whose event trigger names an event.
    public var eventTriggers: [String: [Int]]
    /// Flows whose inactivity trigger watches an event.
    public var inactivityWatchers: [String: [Int]]
    /// Flows whose date trigger reads a trait.
    public var dateTriggers: [String: [Int]]
    /// The events `count`, `last` and `since` need remembered.
    public var history: HistoryNeeds
}
