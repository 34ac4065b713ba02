/// Why mail to a contact is suppressed (spec 4.6, 4.8); the raw value is the skip reason.
public enum Suppression: String, Sendable {
    case unsubscribed, bounced, spam
}
