/// A type a schema may declare for a trait or property (spec section 6).
public enum SchemaType: String, Hashable, Sendable, CaseIterable {
    case string, number, boolean, date, timestamp, list, object

    /// The type named `name` in `flowc.yaml` (`string`, `number`, ...), or nil.
    public init?(name: String) { self.init(rawValue: name) }
}

/// The declared traits and events of a project (`schema:` in `flowc.yaml`). When a project has
/// one, checking is strict: unknown traits, events and properties are errors.
public struct Schema: Hashable, Sendable {
    /// Declared contact traits (without the always-known `id` and `email`).
    public var contact: [String: SchemaType]
    /// Declared track events and their properties.
    public var events: [String: [String: SchemaType]]

    public init(contact: [String: SchemaType] = [:], events: [String: [String: SchemaType]] = [:]) {
        self.contact = contact
        self.events = events
    }

    /// The mail feedback events of spec 4.1, known with or without a schema.
    public static let mailFeedbackEvents: [String: [String: SchemaType]] = [
        "Email Delivered": ["email_id": .string],
        "Email Opened": ["email_id": .string],
        "Email Link Clicked": ["email_id": .string],
        "Email Bounced": ["email_id": .string, "type": .string],
        "Email Marked as Spam": ["email_id": .string],
        "Unsubscribed": ["email_id": .string],
        "Subscribed": ["email_id": .string],
    ]

    /// Traits every contact has whatever the schema says: `id` and the address `email`.
    public static let builtInTraits: [String: SchemaType] = ["id": .string, "email": .string]

    /// The type of trait `name`, counting the built-in traits.
    public func traitType(_ name: String) -> SchemaType? {
        Self.builtInTraits[name] ?? contact[name]
    }

    /// All trait names, sorted (for suggestions).
    public var traitNames: [String] {
        Set(contact.keys).union(Self.builtInTraits.keys).sorted()
    }

    /// The properties of event `name`: declared ones merged with the built-in mail feedback
    /// properties; nil for an event that is neither declared nor a feedback event.
    public func properties(ofEvent name: String) -> [String: SchemaType]? {
        let declared = events[name]
        let builtIn = Self.mailFeedbackEvents[name]
        guard declared != nil || builtIn != nil else { return nil }
        return (declared ?? [:]).merging(builtIn ?? [:]) { declaredType, _ in declaredType }
    }

    /// Whether `name` is a declared or feedback event.
    public func knowsEvent(_ name: String) -> Bool {
        events[name] != nil || Self.mailFeedbackEvents[name] != nil
    }

    /// All known event names, sorted (for suggestions).
    public var eventNames: [String] {
        Set(events.keys).union(Self.mailFeedbackEvents.keys).sorted()
    }
}
