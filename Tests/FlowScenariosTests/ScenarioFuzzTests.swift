import FlowCheck
import FlowScenarios
import FlowSyntax
import Foundation
import Testing
import TestSupport

/// Seeded random damage to the demo scenario files: decoding and checking must never crash,
/// and whatever still checks without errors must run to a result.
@Suite struct ScenarioFuzzTests {
    static let flows = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("flows")

    static let demo: [String: String] = {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: flows.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: flows.appendingPathComponent(relative).path) else { continue }
            files[relative] = String(decoding: data, as: UTF8.self)
        }
        return files
    }()

    static let scenarioPaths = demo.keys.filter { $0.hasSuffix(".test.yaml") }.sorted()

    /// Replacement lines and fragments that hit the scenario grammar's corners.
    static let fragments = [
        "at: +2d 25:00", "at: -3d", "at: +99999999w", "between: [+1h]", "between: [+2h, +1h]", "count: -1",
        "contact: nobody", "sent: ~", "expect: []", "contacts: []", "start: yesterday", "until: +0",
        "- ended: { reason: loop, at: 2026-03-02T10:00:00Z }", "- traits: [1, 2]", "identify: ~",
        "- { at: +1s, track: Checkout Started, properties: { value: [1, {a: b}] } }", "{", "]", "\t", "? x",
        "flow: win-back", "flow: ''", "name: ''", "- skipped: { step: \"#1\" }", "variant: x", "at: \"+0d 00:00\"",
    ]

    @Test func theDemoScenariosAreFound() {
        #expect(Self.scenarioPaths.count >= 6)
    }

    @Test(arguments: 0..<400)
    func damagedScenariosNeverCrash(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 0xF1_0C)
        var files = Self.demo
        let path = Self.scenarioPaths[Int(random.next() % UInt64(Self.scenarioPaths.count))]
        var lines = (files[path] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + Int(random.next() % 3)) {
            let index = Int(random.next() % UInt64(lines.count))
            let indent = String(lines[index].prefix { $0 == " " })
            switch random.next() % 4 {
            case 0: lines[index] = indent + Self.fragments[Int(random.next() % UInt64(Self.fragments.count))]
            case 1: lines.remove(at: index)
            case 2: lines.insert(lines[Int(random.next() % UInt64(lines.count))], at: index)
            default: lines[index] = String(lines[index].dropLast(Int(random.next() % 6)))
            }
            if lines.isEmpty { lines = [""] }
        }
        files[path] = lines.joined(separator: "\n")
        let project = ProjectLoader.load(directory: "flows", files: files)
        let diagnostics = Checker.check(project)
        for diagnostic in diagnostics {
            #expect(RuleCatalog.rule(diagnostic.code)?.severity == diagnostic.severity, "\(diagnostic)")
            #expect(diagnostic.span.start.line >= 1 && diagnostic.span.start.column >= 1, "\(diagnostic)")
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        let results = ScenarioRunner(project: project).runAll()
        #expect(results.count == project.scenarios.flatMap(\.scenarios).count)
    }
}
