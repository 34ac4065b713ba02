import FlowIR
import FlowSyntax

/// One send the replay decided on (spec 4.6): everything needed to render and deliver it.
public struct PlannedSend: Hashable, Sendable {
    public var messageID: MessageID
    /// Replay time of the send, milliseconds since the Unix epoch.
    public var time: Int64
    /// The flow, step and option the message comes from.
    public var origin: SendOrigin
    public var contact: String
    /// The contact's traits at send time, packed as the replay keeps them (a send holds on to
    /// them without a copy); their `email` is the deliverable address the message goes to.
    public var packedTraits: PackedObject
    /// The event that started the instance.
    public var trigger: TriggerEvent

    /// The message id as text: 32 lowercase hex digits.
    public var id: String { messageID.description }
    /// The bare recipient address: the `email` trait (the replay sends only to contacts whose
    /// `email` is deliverable). Kept in the traits alone: a copy of the address per send cost the
    /// replay a retain of a string nothing else there reads, a cache miss per send.
    public var to: String {
        if case .string(let email) = packedTraits["email"] { email } else { "" }
    }
    /// The contact's traits at send time, unpacked.
    public var traits: Value.Object { packedTraits.object }
    public var flow: String { origin.flow }
    /// The step id, `#N` when unnamed.
    public var step: String { origin.step }
    /// The template id (the variant's template for an A/B step).
    public var template: String { origin.template }
    /// The template chosen by an A/B step, else nil.
    public var variant: String? { origin.variant }
    /// The step's `subject:` override (a Mustache template), if any.
    public var subjectOverride: String? { origin.subjectOverride }
    public var transactional: Bool { origin.transactional }
    /// The resolved `from` (template, else step, else flow delivery, else project): a Mustache template.
    public var from: String { origin.from }

    public init(messageID: MessageID, time: Int64, origin: SendOrigin, contact: String, traits: PackedObject,
                trigger: TriggerEvent) {
        self.messageID = messageID
        self.time = time
        self.origin = origin
        self.contact = contact
        packedTraits = traits
        self.trigger = trigger
    }

    public init(
        messageID: MessageID, time: Int64, flow: String, step: String, template: String, variant: String? = nil,
        subjectOverride: String? = nil, contact: String, transactional: Bool, from: String,
        traits: Value.Object, trigger: TriggerEvent
    ) {
        let origin = SendOrigin(flow: flow, step: step, template: template, variant: variant,
                                subjectOverride: subjectOverride, transactional: transactional, from: from)
        self.init(messageID: messageID, time: time, origin: origin, contact: contact, traits: PackedObject(traits), trigger: trigger)
    }
}

/// The event an instance was started by: the `trigger` root of expressions and templates.
/// A class, so that the instance, its scope and its sends share one copy: handing it on costs
/// one retain instead of one per part.
public final class TriggerEvent: Hashable, Sendable {
    public let name: String
    /// Milliseconds since the Unix epoch.
    public let timestamp: Int64
    /// Packed (see `PackedObject`): an instance keeps its trigger while it runs, and an
    /// inactivity trigger keeps the event it watches, so thousands can be held at once.
    public let properties: PackedObject

    public init(name: String, timestamp: Int64, properties: PackedObject = PackedObject()) {
        self.name = name
        self.timestamp = timestamp
        self.properties = properties
    }

    public convenience init(name: String, timestamp: Int64, properties: Value.Object) {
        self.init(name: name, timestamp: timestamp, properties: PackedObject(properties))
    }

    public static func == (a: TriggerEvent, b: TriggerEvent) -> Bool {
        a.name == b.name && a.timestamp == b.timestamp && a.properties == b.properties
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(timestamp)
        hasher.combine(properties)
    }
}
