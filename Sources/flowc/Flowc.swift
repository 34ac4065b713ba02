import ArgumentParser

@main
struct Flowc: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "flowc",
        abstract: "Compile, check and run email marketing-automation flows.",
        version: version,
        subcommands: [CheckCommand.self, RunCommand.self, SchemaCommand.self]
    )
}
