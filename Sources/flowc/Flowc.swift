import ArgumentParser
import Foundation

@main
struct Flowc: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "flowc",
        abstract: "Compile, check and run email marketing-automation flows.",
        version: version,
        subcommands: [CheckCommand.self, RunCommand.self, TestCommand.self, ReportCommand.self, GraphCommand.self, ExplainCommand.self, SchemaCommand.self]
    )

    /// Runs the command with the exit codes of the spec: 0 success, 1 problems found or bad
    /// input, 2 usage or I/O error, 3 internal error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch {
            switch exitCode(for: error) {
            case .success:
                Self.exit(withError: error)
            case .validationFailure:
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            default:
                FileHandle.standardError.write(Data("internal error: \(error)\n".utf8))
                Foundation.exit(3)
            }
        }
    }
}
