import FlowCheck
import Foundation
import Testing

/// docs/rules.md is generated from the rule catalog and the check fixtures: one section per
/// code with the fixture's file as the bad example and the exact output of `flowc check`.
/// The test regenerates it and fails when the committed file is stale (`FLOWC_RECORD=1` rewrites it).
@Suite struct RulesDocTests {
    @Test func rulesDocumentIsUpToDate() throws {
        let generated = try Self.generate()
        let url = FlowcProcess.packageRoot.appendingPathComponent("docs/rules.md")
        if let expected = try Golden.expected(at: url, actual: generated) {
            #expect(generated == expected, "docs/rules.md is stale: run FLOWC_RECORD=1 swift test --filter RulesDocTests")
        }
    }

    static func generate() throws -> String {
        let directory = CheckGoldenTests.directory
        var out = """
        # flowc check — rules

        Every diagnostic `flowc check` reports has a stable code. Each section below shows a
        minimal project file that triggers the rule and the exact output of `flowc check` on it
        (generated from `Tests/flowcTests/Fixtures/check`; a test keeps this page in sync).


        """
        for rule in RuleCatalog.all {
            guard let fixture = CheckGoldenTests.fixtureNames.first(where: { $0.hasPrefix(rule.code + "-") }) else { continue }
            let result = try FlowcProcess.run(["check", fixture], in: directory)
            let json = try FlowcProcess.run(["check", fixture, "--format", "json"], in: directory)
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            let first = (object?["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == rule.code }
            let file = first?["file"] as? String ?? "\(fixture)/main.flow.yaml"
            let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let severity = rule.severity == .error ? "error" : "warning"
            out += """
            ## \(rule.code) \(rule.name) (\(severity))

            \(rule.summary) \(rule.help)

            `\(file)`:

            ```yaml
            \(source.trimmingCharacters(in: .newlines))
            ```

            `flowc check \(fixture)`:

            ```
            \(result.stdout.trimmingCharacters(in: .newlines))
            ```


            """
        }
        return out.trimmingCharacters(in: .newlines) + "\n"
    }
}
