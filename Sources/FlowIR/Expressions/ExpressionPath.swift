import FlowSyntax

/// A path of an expression (spec 3) with its first member resolved when the expression is
/// compiled, so that evaluating it compares no root member names.
public struct ExpressionPath: Sendable {
    /// What the first member after the root selects.
    public enum Start: Sendable, Equatable {
        /// No member: the whole contact (its traits) or the whole event.
        case whole
        /// `contact.id`: the contact id, even if a trait is called `id`.
        case contactID
        /// `contact.NAME`: a trait.
        case trait(String)
        /// `event.event`: the event's name.
        case eventName
        /// `event.timestamp`.
        case timestamp
        /// `event.properties`: all of them.
        case properties
        /// `event.properties.NAME`: one property.
        case property(String)
        /// Any other member of an event: always null.
        case nothing
    }

    public let root: PathRoot
    public let start: Start
    /// The members read from objects after the start, in order.
    public let rest: [String]

    /// The path `root.names...`.
    public init(_ root: PathRoot, _ names: [String]) {
        self.root = root
        var rest = names[...]
        switch (root, rest.popFirst()) {
        case (_, nil): start = .whole
        case (.contact, let name?): start = name == "id" ? .contactID : .trait(name)
        case (.event, "properties"?), (.trigger, "properties"?):
            if let key = rest.popFirst() { start = .property(key) } else { start = .properties }
        case (.event, "event"?), (.trigger, "event"?): start = .eventName
        case (.event, "timestamp"?), (.trigger, "timestamp"?): start = .timestamp
        case (.event, _?), (.trigger, _?): start = .nothing
        }
        self.rest = Array(rest)
    }
}
