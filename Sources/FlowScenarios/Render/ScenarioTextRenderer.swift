import FlowSyntax

/// Test output for people: one line per scenario, and for a failing one each failed
/// expectation with its `file:line:col`, then the timeline as a diff of expected (`-`) and
/// actual (`+`) records.
public enum ScenarioTextRenderer {
    public static func render(_ results: [ScenarioResult]) -> String {
        var out = ""
        for result in results {
            guard !result.passed else {
                out += "ok    \(result.name)\n"
                continue
            }
            out += "FAIL  \(result.name)  (\(result.file):\(result.span.start.line):\(result.span.start.column))\n"
            for failure in result.failures {
                out += "  \(failure.position): \(failure.message)\n"
            }
            out += timeline(result)
        }
        let failed = results.count { !$0.passed }
        out += "\n\(results.count) scenario\(results.count == 1 ? "" : "s"): \(results.count - failed) passed, \(failed) failed\n"
        return out
    }

    /// The diff of a scenario's timeline: `-` expected but missing, `+` present but unexpected.
    public static func timeline(_ result: ScenarioResult) -> String {
        let clock = ScenarioClock(start: result.start)
        let showContacts = Set(result.timeline.map(\.contact)).count > 1
        let rows = result.timeline.map { line -> [String] in
            let when = line.time.map { [clock.offsetText($0), RFC3339.format($0)] } ?? ["after", "the run"]
            return [line.mark.rawValue] + when + (showContacts ? [line.contact] : []) + [line.text]
        }
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = "  --- expected\n  +++ actual\n"
        for (row, line) in zip(rows, result.timeline) {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            out += "  " + cells.joined(separator: " ") + (line.expectation.map { "   <- \($0)" } ?? "") + "\n"
        }
        return out
    }
}
