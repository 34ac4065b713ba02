import FlowSyntax

/// What an expression can ask of the runner while it is evaluated: the clock, paths, and the
/// contact's event history and mail feedback. The runtime implements it for one evaluation site
/// (a contact, the candidate event, the instance's trigger).
public protocol ExpressionEnvironment {
    /// Replay time in milliseconds since the epoch.
    var now: Int64 { get }
    /// The value at `path`, or null when it is missing or its root is not bound.
    /// `PathResolution` implements the path rules for contacts and events.
    func lookup(_ path: ExpressionPath) -> Value
    /// How many `event` events the contact did in (now − within, now] (`within` > 0), or ever
    /// when `within` is nil; the event being processed counts.
    func count(_ event: String, within: Int64?) -> Int
    /// When the contact last did `event` (the event being processed counts), or nil.
    func last(_ event: String) -> Int64?
    /// Whether the latest email this instance sent at send step `step` was opened.
    func opened(step: String) -> Bool
    /// Whether the latest email this instance sent at send step `step` had a link clicked.
    func clicked(step: String) -> Bool
}

/// The path rules of spec section 3, so the runtime need not re-implement them.
public enum PathResolution {
    /// `contact.PATH`: `id` is the contact id (even if a trait is called `id`), anything else a
    /// trait (`email` is the trait `email`), then members of object traits. No path: all traits.
    public static func contact(_ path: ExpressionPath, id: String, traits: PackedObject) -> Value {
        switch path.start {
        case .whole: return .object(traits.object)
        case .contactID: return member(of: .string(id), path.rest)
        case .trait(let name): return member(of: traits[name] ?? .null, path.rest)
        case .eventName, .timestamp, .properties, .property, .nothing: return .null // not contact paths
        }
    }

    /// `event.PATH` / `trigger.PATH`: `event` is the name, `timestamp` a timestamp, and
    /// `properties.NAME...` the properties; anything else is null. No path: the whole event.
    public static func event(
        _ path: ExpressionPath, name: String, timestamp: Int64, properties: PackedObject
    ) -> Value {
        switch path.start {
        case .property(let key): return member(of: properties[key] ?? .null, path.rest)
        case .properties: return member(of: .object(properties.object), path.rest)
        case .eventName: return member(of: .string(name), path.rest)
        case .timestamp: return member(of: .timestamp(timestamp), path.rest)
        case .whole:
            return .object(Value.Object([
                ("event", .string(name)), ("timestamp", .timestamp(timestamp)), ("properties", .object(properties.object)),
            ]))
        case .nothing, .contactID, .trait: return .null
        }
    }

    /// Object members along `path`; null as soon as one is missing or not an object. `value` is
    /// consumed, so the common empty path hands it back without a copy.
    public static func member(of value: consuming Value, _ path: [String]) -> Value {
        for name in path { value = value[name] }
        return value
    }
}
