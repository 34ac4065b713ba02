import Foundation
import Testing

/// `flowc run` on bad or unusual event logs (spec 4.1, 4.2, 7): exit codes, messages naming
/// the place, `--sort`, `--skip-invalid`, the summary, and that a failed run delivers nothing.
@Suite struct RunCommandTests {
    static let identify = #"{"type":"identify","userId":"u1","timestamp":"2026-03-02T10:00:00Z","traits":{"email":"ana@example.com","first_name":"Ana"}}"#
    static let signUp1005 = #"{"type":"track","userId":"u1","event":"Signed Up","timestamp":"2026-03-02T10:05:00Z"}"#
    static let signUp1004 = #"{"type":"track","userId":"u2","event":"Signed Up","timestamp":"2026-03-02T10:04:00Z"}"#
    static let trailingComma = #"{"type":"track","userId":"u1","event":"Signed Up","timestamp":"2026-03-02T10:05:00Z",}"#

    /// A scratch folder holding the smoke-welcome project (with a `from` so that it can deliver)
    /// and `events.jsonl` made of `lines`.
    static func workspace(_ lines: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let smoke = FlowcProcess.fixtures.appendingPathComponent("replay/smoke-welcome/flows")
        try FileManager.default.copyItem(at: smoke, to: folder.appendingPathComponent("flows"))
        try #"from: "Shop <hello@shop.example>""#.write(to: folder.appendingPathComponent("flows/flowc.yaml"), atomically: true, encoding: .utf8)
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
        return folder
    }

    static func run(_ folder: URL, _ extra: [String]) throws -> FlowcProcess.Result {
        try FlowcProcess.run(["run", "flows", "--events", "events.jsonl", "--json"] + extra, in: folder)
    }

    /// The `.eml` files delivered to the Maildir `outbox` in `folder`.
    static func delivered(_ folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("outbox/new").path)) ?? []
    }

    @Test func outOfOrderLineFailsNamingItsLineAndDeliversNothing() throws {
        let folder = try Self.workspace([Self.identify, Self.signUp1005, Self.signUp1004])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(folder, ["--outbox", "outbox"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("events.jsonl:3:"))
        #expect(result.stderr.contains("line 2"))
        #expect(Self.delivered(folder).isEmpty)
    }

    @Test func sortReplaysAnOutOfOrderLogByTimestamp() throws {
        let folder = try Self.workspace([Self.identify, Self.signUp1005, Self.signUp1004])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(folder, ["--sort", "--outbox", "outbox"])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = result.stdout.split(separator: "\n").filter { $0.contains(#""kind":"enter""#) }
        #expect(entries.count == 2)
        #expect(entries.first?.contains(#""time":"2026-03-02T10:04:00Z","flow":"welcome","contact":"u2""#) == true)
        #expect(Self.delivered(folder).count == 1, "u2 has no address; u1's first mail is delivered")
    }

    @Test func malformedLineFailsNamingFileLineAndColumnAndDeliversNothing() throws {
        let folder = try Self.workspace([Self.identify, Self.trailingComma, Self.signUp1005])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(folder, ["--outbox", "outbox"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("events.jsonl:2:86: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was delivered"))
        #expect(Self.delivered(folder).isEmpty)
    }

    @Test func skipInvalidSkipsTheLineAndCountsItInTheSummary() throws {
        let folder = try Self.workspace([Self.identify, Self.trailingComma, Self.signUp1005])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(folder, ["--skip-invalid", "--outbox", "outbox"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 invalid lines skipped"), "\(result.stderr)")
        #expect(result.stderr.contains("events.jsonl:2:86: warning: "), "\(result.stderr)")
        #expect(result.stderr.contains("(line skipped)"))
        #expect(result.stdout.contains(#""kind":"send","time":"2026-03-02T10:05:00Z""#))
        #expect(Self.delivered(folder).count == 1)
    }

    @Test func skipInvalidShowsTheFirstTenSkippedLinesAndCountsTheRest() throws {
        let bad = (0..<12).map { _ in Self.trailingComma }
        let folder = try Self.workspace([Self.identify] + bad + [Self.signUp1005])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(folder, ["--skip-invalid", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: ": warning: ").count - 1 == 10)
        #expect(result.stderr.contains("events.jsonl:11:86: warning: "))
        #expect(!result.stderr.contains("events.jsonl:12:86: warning: "))
        #expect(result.stderr.contains("note: 2 more invalid lines were skipped"), "\(result.stderr)")
    }

    @Test func untilFiresDueTimersAndCountsThePendingOnes() throws {
        let folder = FlowcProcess.fixtures.appendingPathComponent("replay/b-42-until-pending")
        let withUntil = try FlowcProcess.run(
            ["run", "flows", "--events", "events.jsonl", "--dry-run", "--json", "--until", "2026-03-03T12:00:00Z"], in: folder)
        #expect(withUntil.stdout.components(separatedBy: #""kind":"send""#).count - 1 == 2)
        #expect(withUntil.stderr.contains("pending timers: 1"), "\(withUntil.stderr)")

        let atLastEvent = try FlowcProcess.run(["run", "flows", "--events", "events.jsonl", "--dry-run", "--json"], in: folder)
        #expect(atLastEvent.stdout.components(separatedBy: #""kind":"send""#).count - 1 == 1)
        #expect(atLastEvent.stderr.contains("pending timers: 1"), "\(atLastEvent.stderr)")
    }
}
