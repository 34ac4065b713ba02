import Foundation
import Testing

/// `flowc explain` stories under Fixtures/explain/NAME/: a project in `flows/`, an event log
/// `events.jsonl`, `args` (the contact id on the first line, then extra arguments one per line)
/// and the goldens `expected.txt` and `expected.json`: exactly what
/// `flowc explain CONTACT flows --events events.jsonl ARGS [--format json]` prints.
/// Each case's README.md says why the story is right.
@Suite struct ExplainGoldenTests {
    static let directory = FlowcProcess.fixtures.appendingPathComponent("explain")

    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { !$0.hasPrefix(".") }.sorted()) ?? []

    static func arguments(_ folder: URL) throws -> [String] {
        let lines = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return ["explain", lines[0], "flows", "--events", "events.jsonl"] + lines.dropFirst()
    }

    @Test(arguments: cases)
    func textMatchesGolden(name: String) throws {
        let folder = Self.directory.appendingPathComponent(name)
        let result = try FlowcProcess.run(try Self.arguments(folder), in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        if let expected = try Golden.expected(at: folder.appendingPathComponent("expected.txt"), actual: result.stdout) {
            #expect(result.stdout == expected)
        }
    }

    @Test(arguments: cases)
    func jsonMatchesGoldenAndParses(name: String) throws {
        let folder = Self.directory.appendingPathComponent(name)
        let result = try FlowcProcess.run(try Self.arguments(folder) + ["--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(document?["contact"] as? String == (try Self.arguments(folder))[1])
        if let expected = try Golden.expected(at: folder.appendingPathComponent("expected.json"), actual: result.stdout) {
            #expect(result.stdout == expected)
        }
    }

    @Test func unknownContactExitsWithOneAndASuggestion() throws {
        let folder = Self.directory.appendingPathComponent("converted-cart")
        let result = try FlowcProcess.run(["explain", "anna", "flows", "--events", "events.jsonl"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error: no contact `anna` in the event log `events.jsonl`"))
        #expect(result.stderr.contains("did you mean `ana`?"))
    }

    @Test func badUntilIsAUsageError() throws {
        let folder = Self.directory.appendingPathComponent("converted-cart")
        let result = try FlowcProcess.run(["explain", "ana", "flows", "--events", "events.jsonl", "--until", "tomorrow"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--until takes an RFC 3339 time"))
    }
}
