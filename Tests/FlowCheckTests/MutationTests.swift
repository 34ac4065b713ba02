import FlowCheck
import FlowSyntax
import Foundation
import Testing
import TestSupport

/// Thousands of seeded random mutations of the demo project: the checker must never crash or
/// hang, and every diagnostic it yields must be well formed.
///
/// A failing case names its seed; `FLOWC_MUTATION_SEED=<seed> swift test --filter MutationTests`
/// runs that case alone and prints the mutated file.
@Suite struct MutationTests {
    static let firstSeed: UInt64 = 0x5EED_F10C
    static let caseCount = 2_000

    /// The demo project's files by path relative to `flows/`.
    static let demo: [String: Data] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("flows")
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            files[relative] = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path)
        }
        return files
    }()

    /// The files a case loads with a mutated path: it, `flowc.yaml`, and the flows and
    /// templates that name it or that it names (all files for `flowc.yaml`), which keeps each
    /// case small while the rules between files still run.
    static let neighbourhoods: [String: [String: Data]] = {
        let texts = demo.mapValues { String(decoding: $0, as: UTF8.self) }
        func id(_ path: String) -> String { path.split(separator: "/").last.map { String($0.prefix { $0 != "." }) } ?? path }
        func isFlow(_ path: String) -> Bool { path.hasSuffix(".flow.yaml") }
        var neighbourhoods = ["flowc.yaml": demo]
        for (path, text) in texts where path != "flowc.yaml" {
            neighbourhoods[path] = demo.filter { other, _ in
                other == path || other == "flowc.yaml" || isFlow(other) != isFlow(path)
                    && (text.contains(id(other)) || texts[other]?.contains(id(path)) == true)
            }
        }
        return neighbourhoods
    }()

    @Test func theDemoProjectIsFoundAndClean() {
        #expect(Self.demo.keys.filter { $0.hasSuffix(".flow.yaml") }.count >= 5)
        #expect(Self.demo["flowc.yaml"] != nil)
        let diagnostics = Checker.check(ProjectLoader.load(directory: "flows", bytes: Self.demo))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    }

    /// Structure mutations start from the document written back by `MutationTree`: unmutated,
    /// it must check exactly like the original.
    @Test func rewrittenDemoFilesCheckLikeTheOriginals() throws {
        let original = Checker.check(ProjectLoader.load(directory: "flows", bytes: Self.demo))
        var rewritten = Self.demo
        for (path, data) in Self.demo {
            let root = try #require(YAMLParser.parse(String(decoding: data, as: UTF8.self)).root)
            rewritten[path] = Data(MutationTree(root).text.utf8)
        }
        let diagnostics = Checker.check(ProjectLoader.load(directory: "flows", bytes: rewritten))
        #expect(diagnostics.map(\.code) == original.map(\.code))
    }

    @Test func mutatedProjectsYieldOnlyWellFormedDiagnostics() {
        let replay = ProcessInfo.processInfo.environment["FLOWC_MUTATION_SEED"].flatMap { UInt64($0) }
        let seeds = replay.map { [$0] } ?? (0..<UInt64(Self.caseCount)).map { Self.firstSeed &+ $0 }
        var codesSeen: Set<String> = []
        for seed in seeds {
            let (path, bytes) = Self.mutatedFile(seed: seed)
            if replay != nil { print("mutated \(path):\n" + String(decoding: bytes, as: UTF8.self)) }
            var files = Self.neighbourhoods[path] ?? Self.demo
            files[path] = Data(bytes)
            MutationCaseReporter.begin("seed \(seed) (\(path))", hangAfter: 60)
            let project = ProjectLoader.load(directory: "flows", bytes: files)
            let diagnostics = Checker.check(project)
            MutationCaseReporter.end()
            for diagnostic in diagnostics {
                codesSeen.insert(diagnostic.code)
                let problems = DiagnosticInvariants.violations(of: diagnostic, in: project)
                #expect(problems.isEmpty, "seed \(seed) (\(path)): \(problems.joined(separator: "; ")) in \(diagnostic)")
            }
        }
        if replay == nil {
            // The mutations must reach past the YAML parser into the decoders and the rules.
            #expect(codesSeen.count >= 35, "codes seen: \(codesSeen.sorted())")
        }
    }

    /// One demo file with one to three byte-level or structure-level mutations, decided by `seed`.
    static func mutatedFile(seed: UInt64) -> (path: String, bytes: [UInt8]) {
        var random = SeededGenerator(seed: seed)
        let paths = demo.keys.sorted()
        let flows = paths.filter { $0.hasSuffix(".flow.yaml") }
        let path = random.chance(65) ? random.pick(flows) : random.pick(paths)
        var bytes = Array(demo[path] ?? Data())
        let rounds = 1 + random.index(below: 3)
        if random.chance(50), let root = YAMLParser.parse(String(decoding: bytes, as: UTF8.self)).root {
            var tree = MutationTree(root)
            for _ in 0..<rounds { StructureMutator.mutate(&tree, using: &random) }
            bytes = Array(tree.text.utf8)
        } else {
            for _ in 0..<rounds { ByteMutator.mutate(&bytes, using: &random) }
        }
        return (path, bytes)
    }
}
