import ArgumentParser

/// `flowc schema`: prints the JSON Schema of flow files for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07) of flow files."
    )

    func run() throws {
        print(String(decoding: PackageResources.flow_schema_json, as: UTF8.self), terminator: "")
    }
}
