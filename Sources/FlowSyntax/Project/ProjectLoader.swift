import Foundation

/// A loaded project: settings, flows and templates, plus every problem met while reading them.
public struct Project: Sendable {
    /// The project directory as the user named it (no trailing slash).
    public var directory: String
    public var settings: ProjectSettings
    /// Flows in sorted path order.
    public var flows: [Flow]
    /// Templates by id.
    public var templates: [String: EmailTemplate]
    /// All source files read, by display path (for rendering diagnostics).
    public var files: [String: SourceFile]
    /// Problems from reading, YAML and decoding (FC001–FC007, FC2xx, FC404).
    public var diagnostics: [Diagnostic]
}

/// A user-facing I/O problem: a path that does not exist or cannot be read (exit code 2).
public struct ProjectLoadError: Error, CustomStringConvertible {
    public var description: String
}

/// Finds and reads the files of a project (spec section 1).
public enum ProjectLoader {
    /// Loads the project at `path`: a flows directory (every `*.flow.yaml` at any depth), or a
    /// single flow file whose project is the nearest ancestor holding `flowc.yaml`, else its directory.
    public static func load(_ path: String) throws -> Project {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ProjectLoadError(description: "no such file or directory: \(path)")
        }
        if isDirectory.boolValue {
            let directory = trimmed(path)
            let flowPaths = try findFiles(in: directory, suffix: ".flow.yaml")
            return try load(directory: directory, flowPaths: flowPaths)
        }
        guard path.hasSuffix(".flow.yaml") else {
            throw ProjectLoadError(description: "`\(path)` is not a flow file (`*.flow.yaml`) or a directory")
        }
        return try load(directory: projectDirectory(of: path), flowPaths: [path])
    }

    private static func load(directory: String, flowPaths: [String]) throws -> Project {
        var project = Project(directory: directory, settings: ProjectSettings(), flows: [], templates: [:], files: [:], diagnostics: [])
        let settingsPath = join(directory, "flowc.yaml")
        if FileManager.default.fileExists(atPath: settingsPath) {
            if let root = try read(settingsPath, into: &project) {
                let file = project.files[settingsPath]!
                let (settings, diagnostics) = SettingsDecoder.decode(root, file: file)
                project.settings = settings
                project.diagnostics += diagnostics
            }
        }
        for path in flowPaths.sorted() {
            guard let root = try read(path, into: &project) else { continue }
            let (flow, diagnostics) = FlowDecoder.decode(root, file: project.files[path]!)
            project.diagnostics += diagnostics
            if let flow { project.flows.append(flow) }
        }
        let templatesDirectory = join(directory, "templates")
        if FileManager.default.fileExists(atPath: templatesDirectory) {
            for path in try findFiles(in: templatesDirectory, suffix: ".email.yaml").sorted() {
                let name = String(path.split(separator: "/").last!)
                let id = String(name.dropLast(".email.yaml".count))
                guard let root = try read(path, into: &project) else { continue }
                let (template, diagnostics) = TemplateDecoder.decode(root, id: id, file: project.files[path]!)
                project.diagnostics += diagnostics
                if let template { project.templates[id] = template }
            }
        }
        return project
    }

    /// Reads and parses one YAML file; a YAML problem becomes a diagnostic and yields nil.
    /// `.some(nil)` is an empty document.
    private static func read(_ path: String, into project: inout Project) throws -> YAMLNode?? {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProjectLoadError(description: "cannot read \(path)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            project.diagnostics.append(Diagnostic(
                file: path, span: SourceSpan(line: 1, column: 1), severity: .error, code: "FC001",
                message: "YAML syntax error: the file is not valid UTF-8", help: "save the file as UTF-8"
            ))
            return nil
        }
        let file = SourceFile(path: path, text: text)
        project.files[path] = file
        let outcome = YAMLParser.parse(text)
        if !outcome.problems.isEmpty {
            project.diagnostics += outcome.problems.map { $0.diagnostic(file: path) }
            return nil
        }
        return .some(outcome.root)
    }

    /// The nearest ancestor directory of `file` holding `flowc.yaml`, else the file's directory.
    /// Written relative to the path the user gave when possible.
    static func projectDirectory(of file: String) -> String {
        let own = (file as NSString).deletingLastPathComponent
        var absolute = URL(fileURLWithPath: own.isEmpty ? "." : own).standardized
        var levels = 0
        while true {
            if FileManager.default.fileExists(atPath: absolute.appendingPathComponent("flowc.yaml").path) { break }
            let parent = absolute.deletingLastPathComponent()
            guard parent.path != absolute.path else { return own.isEmpty ? "." : own }
            absolute = parent
            levels += 1
        }
        let components = own.split(separator: "/", omittingEmptySubsequences: false)
        if levels == 0 { return own.isEmpty ? "." : own }
        if levels < components.count, !components.contains("..") {
            return components.dropLast(levels).joined(separator: "/")
        }
        return absolute.path
    }

    private static func findFiles(in directory: String, suffix: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw ProjectLoadError(description: "cannot list directory \(directory)")
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(suffix) { paths.append(join(directory, relative)) }
        }
        return paths
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
