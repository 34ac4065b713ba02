import ArgumentParser

@main
struct Flowc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowc",
        abstract: "Compile, check and run email marketing-automation flows."
    )
}
