import Foundation
import Testing

/// Exit codes of spec section 7: 0 success, 1 problems (or warnings with --strict) or bad
/// input, 2 usage or I/O error.
@Suite struct ExitCodeTests {
    static let checks = FlowcProcess.fixtures.appendingPathComponent("check")

    static let cases: [([String], Int32)] = [
        (["check", "ok"], 0),
        (["check", "FC101-unknown-step"], 1),
        (["check", "FC208-wait-last"], 0),
        (["check", "FC208-wait-last", "--strict"], 1),
        (["check", "no-such-directory"], 2),
        (["check", "ok", "--format", "xml"], 2),
        (["run", "ok"], 2),
        (["run", "ok", "--events", "missing.jsonl", "--dry-run"], 2),
        (["run", "ok", "--events", "-", "--dry-run", "--outbox", "x"], 2),
        (["frobnicate"], 2),
        (["run", "FC101-unknown-step", "--events", "-", "--dry-run"], 1),
    ]

    @Test(arguments: cases)
    func exitCode(arguments: [String], expected: Int32) throws {
        let result = try FlowcProcess.run(arguments, in: Self.checks, input: Data())
        #expect(result.status == expected, "\(arguments): \(result.stderr)")
        if expected == 2 { #expect(!result.stderr.isEmpty) }
    }
}
