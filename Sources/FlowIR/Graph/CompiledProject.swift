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
    /// Flows (by position in `flows`) whose date trigger reads a trait, per trait. A project has
    /// few date triggers: a short list is searched faster than every trait key can be hashed.
    public var dateTriggers: [(trait: String, flows: [Int])]
    /// What replay does with each `track` event name: the history `count`, `last` and `since`
    /// need, feedback, the flows it triggers and the flows that watch for it (built by
    /// `IRCompiler`).
    public internal(set) var eventRoutes: [String: EventRoute] = [:]
    /// The traits and property keys replay can observe (built by `IRCompiler`).
    public internal(set) var keysRead = KeysRead()
}
