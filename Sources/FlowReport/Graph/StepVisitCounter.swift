import FlowIR
import FlowRuntime

/// Counts, from the replay trace, how many times instances reached each step of each flow (a
/// postponed send that runs its checks again is the same visit). Install it as the replayer's
/// tracer only when the counts are needed: a tracer makes the replay report every decision.
public final class StepVisitCounter: ReplayTracer {
    /// Per flow position, per step position.
    public private(set) var visits: [[Int]]
    let flowIDs: [String]

    public init(project: CompiledProject) {
        visits = project.flows.map { Array(repeating: 0, count: $0.steps.count) }
        flowIDs = project.flows.map(\.id)
    }

    public func trace(_ event: TraceEvent, contact: String, time: Int64) {
        guard case .stepReached(let flow, let step, resumed: false) = event else { return }
        visits[flow][step] += 1
    }

    /// The visits of each step of the flow with `id`, by step position; nil for an unknown flow.
    public func visits(ofFlow id: String) -> [Int]? {
        flowIDs.firstIndex(of: id).map { visits[$0] }
    }
}
