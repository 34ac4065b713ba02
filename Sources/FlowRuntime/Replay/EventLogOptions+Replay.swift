import FlowIR

extension EventLogOptions {
    /// Options that build only what replaying `project` reads: the properties of the events it
    /// reads them of (`CompiledProject.eventsReadingProperties`), and of those and of `traits`
    /// only the keys it names (`CompiledProject.keysRead`).
    public init(sort: Bool = false, skipInvalid: Bool = false, replaying project: CompiledProject) {
        self.init(sort: sort, skipInvalid: skipInvalid, propertiesWanted: project.eventsReadingProperties,
                  propertyKeysWanted: project.keysRead.properties, traitsWanted: project.keysRead.traits)
    }
}
