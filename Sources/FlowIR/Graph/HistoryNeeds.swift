import FlowSyntax

/// Which events the replay must remember per contact, and for how long: only those that
/// `count`, `last` or `since` name, so memory grows with contacts, not with events.
public struct HistoryNeeds: Sendable {
    public struct Need: Sendable {
        /// `count` without a window: the total is needed.
        public var total = false
        /// The longest `count` window, in milliseconds (0: none).
        public var window: Int64 = 0
    }

    public private(set) var events: [String: Need] = [:]

    public init() {}

    /// Adds what `expression` needs.
    public mutating func add(_ expression: Expression) {
        if case .call(let name, let arguments) = expression.kind, ["count", "last", "since"].contains(name),
           let first = arguments.first, case .literal(.string(let event)) = first.kind {
            var need = events[event] ?? Need()
            if name == "count" {
                if arguments.count > 1, case .literal(.duration(let window)) = arguments[1].kind {
                    need.window = max(need.window, window)
                } else {
                    need.total = true
                }
            }
            events[event] = need
        }
        expression.operands.forEach { add($0) }
    }
}

extension Flow {
    /// Every expression written in the flow.
    public var expressions: [ExpressionText] {
        var texts: [ExpressionText?] = [audience, entry.key, goal?.where]
        texts += exits.map(\.where)
        switch trigger?.kind {
        case .event(_, let condition): texts.append(condition)
        case .inactivity(let inactivity): texts.append(inactivity.where)
        case .date(let date): texts.append(date.date)
        case nil: break
        }
        for step in steps {
            switch step.action {
            case .waitFor(let waitFor): texts.append(waitFor.where)
            case .branch(let branch):
                for case .condition(let condition, _, _) in branch.cases { texts.append(condition) }
            case .wait(.date(let expression, _)): texts.append(expression)
            default: break
            }
        }
        return texts.compactMap { $0 }
    }
}
