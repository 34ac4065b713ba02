import FlowSyntax

/// FC604: times before the scenario's start or after its `until`, and `between` ranges that end
/// before they begin. Times with a local time of day (`+1d 09:00`) depend on the contact's
/// timezone; they are checked here only where the day offset alone decides (a negative one),
/// and by the runner otherwise.
enum ScenarioTimeRule {
    static func check(_ context: ScenarioContext, into diagnostics: inout [Diagnostic]) {
        let scenario = context.scenario
        guard let start = scenario.start?.value else { return }
        let until = scenario.until
        var times = scenario.events.map(\.time)
        var ranges: [(ScenarioTime, ScenarioTime)] = []
        for expectation in scenario.expectations {
            guard let time = expectation.timeMatch else { continue }
            times += time.times
            if case .between(let from, let to) = time { ranges.append((from, to)) }
        }
        if let until { times.append(until) }
        for time in times where isBeforeStart(time, start: start) {
            diagnostics.append(context.diagnostic(
                "FC604", at: time.span, "time `\(time.text)` is before the scenario's start \(RFC3339.format(start))",
                label: "before the start", help: "scenario times count from `start`; use an offset of `+0` or more"))
        }
        if let until, let end = exact(until, start: start) {
            for time in times where time.span != until.span {
                guard let instant = exact(time, start: start), instant > end else { continue }
                diagnostics.append(context.diagnostic(
                    "FC604", at: time.span, "time `\(time.text)` is after the scenario's `until: \(until.text)`",
                    label: "the clock stops before this", help: "move `until` later, or this time earlier"))
            }
        }
        for (from, to) in ranges {
            guard let a = exact(from, start: start), let b = exact(to, start: start), a > b else { continue }
            diagnostics.append(context.diagnostic(
                "FC604", at: to.span, "`between` ends at `\(to.text)`, before it begins at `\(from.text)`",
                label: "before the range begins", help: "write `between: [FROM, TO]` with FROM not after TO"))
        }
    }

    private static func isBeforeStart(_ time: ScenarioTime, start: Int64) -> Bool {
        switch time.kind {
        case .absolute(let instant): instant < start
        case .relative(let offset, _): offset < 0
        }
    }

    /// The instant of a time that does not depend on a timezone.
    private static func exact(_ time: ScenarioTime, start: Int64) -> Int64? {
        switch time.kind {
        case .absolute(let instant): instant
        case .relative(let offset, nil): start.addingReportingOverflow(offset).overflow ? nil : start + offset
        case .relative: nil
        }
    }
}
