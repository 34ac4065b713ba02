/// Mail metrics of a set of messages (a flow, a step or an A/B variant).
///
/// Every count but `conversions` counts messages, so a message opened twice is one open.
public struct MailCounts: Sendable, Equatable {
    public var sent = 0
    /// Messages with an `Email Delivered` event, or opened or clicked (engagement proves delivery).
    public var delivered = 0
    /// Messages with an `Email Bounced` whose `type` is not `soft`.
    public var hardBounces = 0
    /// Messages with an `Email Bounced` of `type` `soft`.
    public var softBounces = 0
    public var uniqueOpens = 0
    public var uniqueClicks = 0
    public var unsubscribes = 0
    public var spamComplaints = 0
    /// Goal events attributed to these messages by last touch.
    public var conversions = 0
    /// Messages with at least one attributed conversion.
    public var convertedRecipients = 0
    /// The attributed conversions' revenue.
    public var revenue = 0.0

    public init() {}

    mutating func add(_ message: MessageOutcome) {
        sent += 1
        if message.delivered { delivered += 1 }
        if message.hardBounce { hardBounces += 1 }
        if message.softBounce { softBounces += 1 }
        if message.opened { uniqueOpens += 1 }
        if message.clicked { uniqueClicks += 1 }
        if message.unsubscribed { unsubscribes += 1 }
        if message.spam { spamComplaints += 1 }
        conversions += message.conversions
        if message.conversions > 0 { convertedRecipients += 1 }
        revenue += message.revenue
    }

    public var deliveryRate: Rate { Rate(delivered, sent, of: "sent") }
    public var openRate: Rate { Rate(uniqueOpens, sent, of: "sent") }
    public var clickRate: Rate { Rate(uniqueClicks, sent, of: "sent") }
    public var clickToOpenRate: Rate { Rate(uniqueClicks, uniqueOpens, of: "unique opens") }
    public var unsubscribeRate: Rate { Rate(unsubscribes, sent, of: "sent") }
    public var spamRate: Rate { Rate(spamComplaints, sent, of: "sent") }
    public var conversionRate: Rate { Rate(convertedRecipients, sent, of: "sent") }
    /// revenue / sent; nil when nothing was sent.
    public var revenuePerRecipient: Double? { sent > 0 ? revenue / Double(sent) : nil }
}
