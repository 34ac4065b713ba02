import FlowSyntax

/// A mail feedback event of spec 4.1 that names a message by `properties.email_id`.
enum Feedback {
    case delivered
    case opened
    case clicked
    case bounced(hard: Bool)
    case spam
    case unsubscribed

    /// The feedback an event carries, or nil for other events.
    init?(name: String, properties: PackedObject) {
        switch name {
        case "Email Delivered": self = .delivered
        case "Email Opened": self = .opened
        case "Email Link Clicked": self = .clicked
        case "Email Bounced":
            if case .string("soft") = properties["type"] { self = .bounced(hard: false) } else { self = .bounced(hard: true) }
        case "Email Marked as Spam": self = .spam
        case "Unsubscribed": self = .unsubscribed
        default: return nil
        }
    }

    /// Marks the message; an open or a click also proves delivery.
    func apply(to message: inout MessageOutcome) {
        switch self {
        case .delivered: message.delivered = true
        case .opened: message.opened = true; message.delivered = true
        case .clicked: message.clicked = true; message.delivered = true
        case .bounced(let hard): if hard { message.hardBounce = true } else { message.softBounce = true }
        case .spam: message.spam = true
        case .unsubscribed: message.unsubscribed = true
        }
    }
}
