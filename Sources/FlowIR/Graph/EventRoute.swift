/// Everything replay does with a `track` event of one name, found with one table look-up per
/// event (`CompiledProject.eventRoutes`). An event whose name has no route starts nothing, is not
/// remembered, and no running instance waits for it.
public struct EventRoute: Sendable {
    /// How the contact's history must remember the event (`count`, `last`, `since`), if at all.
    public var history: HistoryNeeds.Need?
    /// What the event says about mail (spec 4.8), for the feedback event names.
    public var feedback: MailFeedback?
    /// Flows whose event trigger or inactivity trigger names the event, in flow order (4.3).
    public var triggeredFlows: [Int] = []
    /// Per flow position: whether the flow's goal, an exit or a `wait_for` step names the event,
    /// so that its running instances must look at it.
    public var observedBy: [Bool]

    /// Whether any flow's running instances must look at the event.
    public var isObserved: Bool { observedBy.contains(true) }

    init(flowCount: Int) {
        observedBy = Array(repeating: false, count: flowCount)
    }
}

/// The mail feedback events of spec 4.8 and what each means.
public enum MailFeedback: Sendable, CaseIterable {
    case unsubscribed, subscribed, markedSpam, bounced, opened, clicked

    /// The event name the log uses.
    public var eventName: String {
        switch self {
        case .unsubscribed: "Unsubscribed"
        case .subscribed: "Subscribed"
        case .markedSpam: "Email Marked as Spam"
        case .bounced: "Email Bounced"
        case .opened: "Email Opened"
        case .clicked: "Email Link Clicked"
        }
    }

    /// Whether replay reads the event's properties: `type` of a bounce, `email_id` of an open
    /// or a click.
    public var readsProperties: Bool {
        switch self {
        case .bounced, .opened, .clicked: true
        case .unsubscribed, .subscribed, .markedSpam: false
        }
    }
}

extension CompiledProject {
    /// The routes of every event name a flow or the feedback rules care about.
    static func routes(flows: [CompiledFlow], history: HistoryNeeds) -> [String: EventRoute] {
        var routes: [String: EventRoute] = [:]
        func update(_ name: String, _ change: (inout EventRoute) -> Void) {
            change(&routes[name, default: EventRoute(flowCount: flows.count)])
        }
        for (name, need) in history.events { update(name) { $0.history = need } }
        for feedback in MailFeedback.allCases { update(feedback.eventName) { $0.feedback = feedback } }
        for (position, flow) in flows.enumerated() {
            switch flow.trigger {
            case .event(let name, _), .inactivity(let name, _, _): update(name) { $0.triggeredFlows.append(position) }
            case .date: break
            }
            var observed = flow.exits.map(\.event) + (flow.goal.map { [$0.event] } ?? [])
            for case .waitFor(let waitFor) in flow.steps.map(\.action) { observed.append(waitFor.event) }
            for name in observed { update(name) { $0.observedBy[position] = true } }
        }
        return routes
    }
}
