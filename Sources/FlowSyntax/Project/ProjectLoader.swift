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
    /// Problems from reading, YAML and decoding (FC001–FC007, FC2xx, FC404, FC603).
    public var diagnostics: [Diagnostic]
    /// Scenario files (`*.test.yaml`) in sorted path order.
    public var scenarios: [ScenarioFile] = []
}

/// A user-facing I/O problem: a path that does not exist or cannot be read (exit code 2).
public struct ProjectLoadError: Error, CustomStringConvertible {
    public var description: String
}

/// Finds and reads the files of a project (spec section 1).
public enum ProjectLoader {
    /// Loads the project at `path`: a flows directory (every `*.flow.yaml` and `*.test.yaml` at
    /// any depth), or a single flow file whose project is the nearest ancestor holding
    /// `flowc.yaml`, else its directory. A single scenario file (`*.test.yaml`) loads with every
    /// flow of its project, since scenarios replay the whole project.
    public static func load(_ path: String) throws -> Project {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ProjectLoadError(description: "no such file or directory: \(path)")
        }
        if isDirectory.boolValue {
            let directory = trimmed(path)
            let flowPaths = try findFiles(in: directory, suffix: ".flow.yaml")
            let scenarioPaths = try findFiles(in: directory, suffix: ".test.yaml")
            return try load(directory: directory, flowPaths: flowPaths, scenarioPaths: scenarioPaths)
        }
        if path.hasSuffix(".test.yaml") {
            let directory = projectDirectory(of: path)
            return try load(directory: directory, flowPaths: findFiles(in: directory, suffix: ".flow.yaml"), scenarioPaths: [path])
        }
        guard path.hasSuffix(".flow.yaml") else {
            throw ProjectLoadError(description: "`\(path)` is not a flow file (`*.flow.yaml`), a scenario file (`*.test.yaml`) or a directory")
        }
        return try load(directory: projectDirectory(of: path), flowPaths: [path], scenarioPaths: [])
    }

    /// Loads a project held in memory, for tests and tools that have no files on disk.
    ///
    /// `files` maps paths relative to `directory` to their contents: flow files (`*.flow.yaml`
    /// at any depth), scenario files (`*.test.yaml` at any depth), `flowc.yaml` and templates
    /// (`templates/*.email.yaml`); other paths are ignored. Diagnostics name each file as `directory/path`, as the disk loader does.
    public static func load(directory: String, files: [String: String]) -> Project {
        load(directory: directory, bytes: files.mapValues { Data($0.utf8) })
    }

    /// Like `load(directory:files:)`, with contents as raw bytes that need not be valid UTF-8.
    public static func load(directory: String, bytes files: [String: Data]) -> Project {
        let directory = trimmed(directory)
        var byPath: [String: Data] = [:]
        for (relative, data) in files { byPath[join(directory, relative)] = data }
        let settingsPath = join(directory, "flowc.yaml")
        let templatesPrefix = join(directory, "templates/")
        return decode(
            directory: directory,
            settingsPath: byPath[settingsPath] == nil ? nil : settingsPath,
            flowPaths: byPath.keys.filter { $0.hasSuffix(".flow.yaml") },
            templatePaths: byPath.keys.filter { $0.hasPrefix(templatesPrefix) && $0.hasSuffix(".email.yaml") },
            scenarioPaths: byPath.keys.filter { $0.hasSuffix(".test.yaml") },
            contents: { byPath[$0] ?? Data() }
        )
    }

    private static func load(directory: String, flowPaths: [String], scenarioPaths: [String]) throws -> Project {
        let settingsPath = join(directory, "flowc.yaml")
        let templatesDirectory = join(directory, "templates")
        let templatePaths = FileManager.default.fileExists(atPath: templatesDirectory)
            ? try findFiles(in: templatesDirectory, suffix: ".email.yaml") : []
        return try decode(
            directory: directory,
            settingsPath: FileManager.default.fileExists(atPath: settingsPath) ? settingsPath : nil,
            flowPaths: flowPaths,
            templatePaths: templatePaths,
            scenarioPaths: scenarioPaths,
            contents: { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ProjectLoadError(description: "cannot read \(path)")
                }
                return data
            }
        )
    }

    /// Parses and decodes the files of a project, whatever holds them: the one code path
    /// behind every entry point. `contents` returns the bytes of a path or throws an I/O error.
    private static func decode(
        directory: String, settingsPath: String?, flowPaths: [String], templatePaths: [String],
        scenarioPaths: [String], contents: (String) throws -> Data
    ) rethrows -> Project {
        var project = Project(directory: directory, settings: ProjectSettings(), flows: [], templates: [:], files: [:], diagnostics: [])
        if let settingsPath, let source = read(settingsPath, try contents(settingsPath), into: &project) {
            let (settings, diagnostics) = SettingsDecoder.decode(source.root, file: source.file)
            project.settings = settings
            project.diagnostics += diagnostics
        }
        for path in flowPaths.sorted() {
            guard let source = read(path, try contents(path), into: &project) else { continue }
            let (flow, diagnostics) = FlowDecoder.decode(source.root, file: source.file)
            project.diagnostics += diagnostics
            if let flow { project.flows.append(flow) }
        }
        for path in templatePaths.sorted() {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let id = String(name.dropLast(".email.yaml".count))
            guard let source = read(path, try contents(path), into: &project) else { continue }
            let (template, diagnostics) = TemplateDecoder.decode(source.root, id: id, file: source.file)
            project.diagnostics += diagnostics
            if let template { project.templates[id] = template }
        }
        for path in scenarioPaths.sorted() {
            guard let source = read(path, try contents(path), into: &project) else { continue }
            let (scenarios, diagnostics) = ScenarioDecoder.decode(source.root, file: source.file)
            project.diagnostics += diagnostics
            if let scenarios { project.scenarios.append(scenarios) }
        }
        return project
    }

    /// Parses one YAML file and records it in `project.files`; a YAML problem becomes a
    /// diagnostic and yields nil. A nil root is an empty document.
    private static func read(_ path: String, _ data: Data, into project: inout Project) -> (root: YAMLNode?, file: SourceFile)? {
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
        return (outcome.root, file)
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
