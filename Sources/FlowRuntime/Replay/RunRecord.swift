import FlowSyntax

/// One line of `flowc run --json` (spec section 7).
public enum RunRecord: Sendable {
    case send(PlannedSend)
    case skip(Skip)
    case enter(Entered)
    case end(Ended)

    public struct Skip: Sendable {
        public var time: Int64
        public var flow: String
        /// nil for an entry refusal.
        public var step: String?
        public var contact: String
        public var reason: String
    }

    public struct Entered: Sendable {
        public var time: Int64
        public var flow: String
        public var contact: String
        public var key: String?
    }

    public struct Ended: Sendable {
        public var time: Int64
        public var flow: String
        public var contact: String
        public var key: String?
        public var reason: EndReason
    }

    public var time: Int64 {
        switch self {
        case .send(let send): send.time
        case .skip(let skip): skip.time
        case .enter(let enter): enter.time
        case .end(let end): end.time
        }
    }
}

/// How an instance ended (spec 4.4).
public enum EndReason: String, Sendable {
    case completed, converted, exited, audience, restarted, loop
}

/// A message the replay decided to send, with everything needed to render it later.
public struct PlannedSend: Sendable {
    public var time: Int64
    public var flow: String
    public var step: String
    public var contact: String
    /// The bare address.
    public var to: String
    public var template: String
    /// The template chosen by an A/B step, else nil.
    public var variant: String?
    /// The 32-hex-digit message id of spec 4.6.
    public var id: String
    public var transactional: Bool
    /// A step's `subject:` override (a Mustache template), if any.
    public var subjectOverride: String?
    /// The step's `from:` override, else nil (template, flow and project defaults apply later).
    public var fromOverride: String?
    /// The contact's traits at the time of the send.
    public var traits: Value.Object
    /// The event that started the instance.
    public var trigger: TriggerEvent
}

/// The event an instance was started by, as expressions and templates see it.
public struct TriggerEvent: Sendable {
    public var name: String
    public var timestamp: Int64
    public var properties: Value.Object

    public init(name: String, timestamp: Int64, properties: Value.Object) {
        self.name = name
        self.timestamp = timestamp
        self.properties = properties
    }
}
