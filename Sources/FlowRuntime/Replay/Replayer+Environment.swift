import FlowIR
import FlowSyntax

/// What expressions see (spec 3): the scope set just before each evaluation.
extension Replayer: ExpressionEnvironment {
    public func lookup(_ path: ExpressionPath) -> Value {
        switch path.root {
        case .contact:
            guard let contact = scope.contact else { return .null }
            return contact._withUnsafeGuaranteedRef { PathResolution.contact(path, id: $0.id, traits: $0.traits) }
        case .event:
            guard let event = scope.event else { return .null }
            return Self.resolve(path, in: event)
        case .trigger:
            guard let trigger = scope.trigger else { return .null }
            return Self.resolve(path, in: trigger)
        }
    }

    /// `path` in `event`, whose name and properties are lent to `PathResolution`, not copied.
    private static func resolve(_ path: ExpressionPath, in event: Unmanaged<TriggerEvent>) -> Value {
        event._withUnsafeGuaranteedRef { event in
            PathResolution.event(path, name: event.name, timestamp: event.timestamp, properties: event.properties)
        }
    }

    public func count(_ event: String, within: Int64?) -> Int {
        guard let history = scope.contact?._withUnsafeGuaranteedRef({ $0.history[event] }) else { return 0 }
        guard let within else { return history.total }
        return history.count(within: within, now: now)
    }

    public func last(_ event: String) -> Int64? {
        guard let history = scope.contact?._withUnsafeGuaranteedRef({ $0.history[event] }), history.total > 0 else { return nil }
        return history.last
    }

    public func opened(step: String) -> Bool {
        sentMessage(atStep: step)?.opened ?? false
    }

    public func clicked(step: String) -> Bool {
        sentMessage(atStep: step)?.clicked ?? false
    }

    private func sentMessage(atStep name: String) -> SentMessage? {
        guard let instance = scope.instance?.takeUnretainedValue(),
              let position = project.flows[instance.flow].steps.firstIndex(where: { $0.name == name })
        else { return nil }
        return instance.sent[position]
    }
}
