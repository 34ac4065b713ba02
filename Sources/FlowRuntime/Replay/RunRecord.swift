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
public enum EndReason: String, Sendable, CaseIterable {
    case completed, converted, exited, audience, restarted, loop
}
