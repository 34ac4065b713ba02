extension CompiledProject {
    /// The `track` events whose `properties` replay may read: event triggers and inactivity
    /// watchers (their properties become the instance's `trigger`), goal, exit and `wait_for`
    /// events (their `where` sees `event`), and the feedback events that carry data
    /// (`MailFeedback.readsProperties`). The events of every other name need no properties
    /// (`EventLogOptions.propertiesWanted`).
    public var eventsReadingProperties: Set<String> {
        Set(eventRoutes.filter { _, route in
            !route.triggeredFlows.isEmpty || route.observedBy.contains(true) || route.feedback?.readsProperties == true
        }.keys)
    }
}
