import FlowRuntime
import FlowSyntax

/// Turns a scenario's times into instants: offsets count from the start, and a time of day
/// (`+2d 09:00`) is read in the zone of the contact the time is about.
struct ScenarioClock {
    let start: Int64

    /// The instant `time` denotes for a contact in `zone`. Arithmetic saturates instead of
    /// trapping on absurd offsets.
    func instant(_ time: ScenarioTime, in zone: Zone) -> Int64 {
        switch time.kind {
        case .absolute(let instant):
            return instant
        case .relative(let offset, nil):
            return Self.adding(start, offset)
        case .relative(let offset, let at?):
            let day = zone.local(start).day + Int(offset / DurationSyntax.day)
            return zone.utc(for: CivilDate(daysSinceEpoch: day), at: at.minutes)
        }
    }

    /// `a + b`, clamped to the range of `Int64`.
    static func adding(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// `time` as an offset from the start, e.g. `+1d1h`, `-2h`, `+0`.
    func offsetText(_ time: Int64) -> String {
        let (difference, overflow) = time.subtractingReportingOverflow(start)
        if overflow { return "" }
        if difference == 0 { return "+0" }
        let magnitude = difference == .min ? Int64.max : abs(difference)
        return (difference < 0 ? "-" : "+") + DurationSyntax.format(magnitude)
    }
}
