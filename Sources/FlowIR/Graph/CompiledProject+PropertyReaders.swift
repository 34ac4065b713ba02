extension CompiledProject {
    /// The mail feedback events whose properties replay reads: `Email Bounced` (`type`),
    /// `Email Opened` and `Email Link Clicked` (`email_id`).
    public static let feedbackEventsReadingProperties: Set<String> = ["Email Bounced", "Email Opened", "Email Link Clicked"]

    /// The `track` events whose `properties` replay may read: event triggers and inactivity
    /// watchers (their properties become the instance's `trigger`), goal, exit and `wait_for`
    /// events (their `where` sees `event`), and the feedback events. The events of every other
    /// name need no properties (`EventLogOptions.propertiesWanted`).
    public var eventsReadingProperties: Set<String> {
        var names = CompiledProject.feedbackEventsReadingProperties
        names.formUnion(eventTriggers.keys)
        names.formUnion(inactivityWatchers.keys)
        for flow in flows {
            if let goal = flow.goal { names.insert(goal.event) }
            names.formUnion(flow.exits.map(\.event))
            for case .waitFor(let waitFor) in flow.steps.map(\.action) { names.insert(waitFor.event) }
        }
        return names
    }
}
