import Testing
@testable import FlowRuntime
import TestSupport

/// Random byte edits of valid lines never crash the reader: every line gives an event or an
/// error whose column lies on the line.
@Suite struct EventLogFuzzTests {
    static let seeds = [
        #"{"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:00Z","traits":{"email":"ana@example.com","first_name":"Ana","n":[1,2.5e3,true,null]}}"#,
        #"{"type":"track","userId":"u1","event":"Checkout Started","timestamp":"2026-03-01T09:05:00.250+01:00","properties":{"checkout_id":"k1","value":59.9,"é":"\u00e9\ud83d\ude00"}}"#,
        #"{"type":"page","anonymousId":"a1","timestamp":"2026-03-01T09:06:00Z","messageId":"m1","context":{"ip":"1.2.3.4","library":{"name":"analytics.js"}}}"#,
    ]

    @Test func mutatedLinesYieldAnEventOrAnErrorWithAnInRangeColumn() {
        var random = SeededGenerator(seed: 42)
        var errors = 0
        var events = 0
        for round in 0..<6000 {
            let seed = Array(Self.seeds[round % Self.seeds.count].utf8)
            let bytes = mutate(seed, edits: Int.random(in: 1...3, using: &random), using: &random)
            let reader = EventLogReader(bytes: bytes, name: "fuzz", options: EventLogOptions(skipInvalid: round % 2 == 0))
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            do {
                while try reader.next() != nil { events += 1 }
                for skipped in reader.skippedLines { expectInRange(skipped, lines) }
                errors += reader.stats.invalidLinesSkipped
            } catch {
                errors += 1
                expectInRange(error, lines)
            }
        }
        #expect(errors > 1000)
        #expect(events > 300) // edits inside string values keep many lines valid
    }

    private func expectInRange(_ error: EventLogError, _ lines: [ArraySlice<UInt8>]) {
        guard let line = error.line, let column = error.column, line >= 1, line <= lines.count else {
            Issue.record("no position: \(error)")
            return
        }
        let characters = lines[line - 1].filter { $0 & 0xC0 != 0x80 }.count
        #expect(column >= 1 && column <= characters + 1, "\(error)")
        #expect(!error.message.isEmpty)
    }
}
