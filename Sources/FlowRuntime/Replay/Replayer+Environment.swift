import FlowIR
import FlowSyntax

/// What expressions see (spec 3): the scope set just before each evaluation.
extension Replayer: ExpressionEnvironment {
    public func lookup(_ path: ExpressionPath) -> Value {
        switch path.root {
        case .contact:
            guard let contact = scope.contact else { return .null }
            return PathResolution.contact(path, id: contact.id, traits: contact.traits)
        case .event:
            guard let event = scope.event else { return .null }
            return PathResolution.event(path, name: event.name, timestamp: event.timestamp, properties: event.properties)
        case .trigger:
            guard let trigger = scope.trigger else { return .null }
            return PathResolution.event(path, name: trigger.name, timestamp: trigger.timestamp, properties: trigger.properties)
        }
    }

    public func count(_ event: String, within: Int64?) -> Int {
        guard let history = scope.contact?.history[event] else { return 0 }
        guard let within else { return history.total }
        return history.count(within: within, now: now)
    }

    public func last(_ event: String) -> Int64? {
        guard let history = scope.contact?.history[event], history.total > 0 else { return nil }
        return history.last
    }

    public func opened(step: String) -> Bool {
        sentMessage(atStep: step)?.opened ?? false
    }

    public func clicked(step: String) -> Bool {
        sentMessage(atStep: step)?.clicked ?? false
    }

    private func sentMessage(atStep name: String) -> SentMessage? {
        guard let instance = scope.instance,
              let position = project.flows[instance.flow].steps.firstIndex(where: { $0.name == name })
        else { return nil }
        return instance.sent[position]
    }
}
