import Foundation
import Testing
import FlowSyntax

/// `ProjectLoader.load(directory:files:)` reads a project from memory exactly as `load(_:)`
/// reads it from disk.
@Suite struct ProjectLoaderMemoryTests {
    static let demoDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("flows").path

    @Test func theDemoProjectLoadsTheSameFromMemoryAsFromDisk() throws {
        let disk = try ProjectLoader.load(Self.demoDirectory)
        var files: [String: String] = [:]
        for (path, file) in disk.files {
            files[String(path.dropFirst(Self.demoDirectory.count + 1))] = file.text
        }
        files["README.md"] = "# not part of the project"
        let memory = ProjectLoader.load(directory: Self.demoDirectory, files: files)
        #expect(memory.files.keys.sorted() == disk.files.keys.sorted())
        #expect(memory.flows.map(\.source.path) == disk.flows.map(\.source.path))
        #expect(memory.templates.keys.sorted() == disk.templates.keys.sorted())
        #expect(memory.diagnostics == disk.diagnostics)
        #expect(memory.settings.timezone?.value == "Europe/Berlin")
    }

    @Test func problemsNameTheFileUnderTheDirectory() {
        let project = ProjectLoader.load(directory: "shop/", files: [
            "a.flow.yaml": "flow: a\nsteps: [\n",
            "templates/t.email.yaml": "subject: Hi\n",
            "templates/notes.txt": "ignored",
        ])
        #expect(project.diagnostics.map(\.file) == ["shop/a.flow.yaml", "shop/templates/t.email.yaml"])
        #expect(project.diagnostics.map(\.code) == ["FC001", "FC404"])
    }

    @Test func invalidUTF8IsAYAMLSyntaxError() {
        let project = ProjectLoader.load(directory: "p", bytes: ["a.flow.yaml": Data([0x66, 0xFF, 0x0A])])
        #expect(project.diagnostics.map(\.code) == ["FC001"])
        #expect(project.files.isEmpty)
    }
}
