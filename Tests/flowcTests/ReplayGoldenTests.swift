import Foundation
import Testing

/// Replay scenarios under Fixtures/replay/NAME/: a project in `flows/`, an event log
/// `events.jsonl`, optional extra arguments in `args` (one per line, e.g. `--until` and a time),
/// and the golden transcript `expected.jsonl`: exactly what
/// `flowc run flows --events events.jsonl --dry-run --json ARGS` prints.
/// Each scenario's README.md says which rule it pins down and why the transcript is right.
@Suite struct ReplayGoldenTests {
    static let directory = FlowcProcess.fixtures.appendingPathComponent("replay")

    static let scenarios: [String] = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { !$0.hasPrefix(".") }.sorted()) ?? []

    @Test(arguments: scenarios)
    func transcriptMatchesGolden(scenario: String) throws {
        let folder = Self.directory.appendingPathComponent(scenario)
        let argsFile = folder.appendingPathComponent("args")
        let extra = (try? String(contentsOf: argsFile, encoding: .utf8))?
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty } ?? []
        let result = try FlowcProcess.run(
            ["run", "flows", "--events", "events.jsonl", "--dry-run", "--json"] + extra, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = folder.appendingPathComponent("expected.jsonl")
        if let expected = try Golden.expected(at: golden, actual: result.stdout) {
            #expect(result.stdout == expected)
        }
    }
}
