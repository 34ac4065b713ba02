import FlowSyntax

/// The longest time an instance can spend between entering and ending, following any path
/// through the steps: waits count their duration (`until`/`on` and calendar waits their longest
/// possible wait, `wait: {date}` 0), `wait_for` its `within`. A loop through a timed step
/// makes the path unbounded.
public enum TimedPath {
    public enum Length: Equatable, Sendable {
        case bounded(Int64)
        case unbounded

        public func exceeds(_ limit: Int64) -> Bool {
            switch self {
            case .bounded(let value): value > limit
            case .unbounded: true
            }
        }
    }

    /// The longest time step `position` itself can take, in milliseconds.
    public static func stepDuration(_ step: Step) -> Int64 {
        switch step.action {
        case .wait(.duration(let d)): d.value
        case .wait(.until(_, let on)): on == nil ? DurationSyntax.day : DurationSyntax.week
        case .wait(.calendar(let days, _)): saturating(Int64(days.value), plus: 1, times: DurationSyntax.day)
        case .wait(.date): 0
        case .waitFor(let waitFor): waitFor.within.value
        default: 0
        }
    }

    /// The longest timed path from the first step of `graph`. Loops through a timed step are
    /// unbounded; zero-time loops (an error of their own, FC104) add nothing.
    public static func longest(_ graph: StepGraph) -> Length {
        guard !graph.steps.isEmpty else { return .bounded(0) }
        let reachable = graph.reachable()
        let loops = graph.cycles(including: { reachable.contains($0) })
        if loops.contains(where: { $0.contains(where: graph.isTimed) }) { return .unbounded }
        // Memoised depth-first longest path; an edge back into a step still being explored
        // closes a zero-time loop and counts 0.
        var memo = [Int64?](repeating: nil, count: graph.steps.count)
        var exploring = [Bool](repeating: false, count: graph.steps.count)
        var work: [(position: Int, expanded: Bool)] = [(0, false)]
        while let (position, expanded) = work.popLast() {
            if memo[position] != nil { continue }
            let successors = graph.edges[position].compactMap { edge -> Int? in
                if case .step(let next) = edge.target { next } else { nil }
            }
            if expanded {
                exploring[position] = false
                let tail = successors.map { memo[$0] ?? 0 }.max() ?? 0
                memo[position] = saturating(stepDuration(graph.steps[position]), plus: tail)
            } else if !exploring[position] {
                exploring[position] = true
                work.append((position, true))
                for next in successors where memo[next] == nil && !exploring[next] { work.append((next, false)) }
            }
        }
        return .bounded(memo[0] ?? 0)
    }

    /// `(a + b) * factor` for non-negative operands, stopping at `Int64.max`: huge waits
    /// written in a flow must not trap.
    private static func saturating(_ a: Int64, plus b: Int64, times factor: Int64 = 1) -> Int64 {
        let (sum, o1) = a.addingReportingOverflow(b)
        let (product, o2) = sum.multipliedReportingOverflow(by: factor)
        return o1 || o2 ? Int64.max : product
    }
}
