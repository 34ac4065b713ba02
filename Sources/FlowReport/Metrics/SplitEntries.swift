import FlowIR
import FlowRuntime

/// Entries into flows with split steps, by the option the split's bucket gives each contact, and
/// whether the flow's goal event followed within the attribution window.
///
/// The replay emits no record when an instance passes a split, so every entry counts for every
/// split of its flow: exact when all instances reach the split (a holdout at the top of a flow).
struct SplitEntries {
    struct Key: Hashable {
        var flow: Int
        /// The split step's position in the flow.
        var step: Int
        var option: Int
    }

    /// An entry still inside its attribution window and not yet converted.
    struct Pending {
        var time: Int64
        var goal: String
        var keys: [Key]
    }

    var entered: [Key: Int] = [:]
    var converted: [Key: Int] = [:]
    var pending: [String: [Pending]] = [:]

    mutating func enter(flow: CompiledFlow, index: Int, contact: String, time: Int64) {
        var keys: [Key] = []
        for (position, step) in flow.steps.enumerated() {
            guard case .split(let weights, _) = step.action,
                  let option = Bucket.pick(weights: weights, bucket: Bucket.of(flow: flow.id, step: step.name, contact: contact))
            else { continue }
            keys.append(Key(flow: index, step: position, option: option))
        }
        for key in keys { entered[key, default: 0] += 1 }
        if let goal = flow.goal?.event, !keys.isEmpty {
            pending[contact, default: []].append(Pending(time: time, goal: goal, keys: keys))
        }
    }

    /// Counts a goal event for the contact's entries strictly before it and within `window`.
    mutating func convert(goal: String, contact: String, time: Int64, window: Int64) {
        guard let entries = pending[contact] else { return }
        var waiting: [Pending] = []
        for entry in entries {
            let age = time.subtractingReportingOverflow(entry.time).partialValue
            if age > window { continue }
            if entry.goal == goal, age > 0 {
                for key in entry.keys { converted[key, default: 0] += 1 }
            } else {
                waiting.append(entry)
            }
        }
        pending[contact] = waiting.isEmpty ? nil : waiting
    }

    func metrics(of flow: CompiledFlow, index: Int) -> [SplitMetrics] {
        flow.steps.enumerated().compactMap { position, step in
            guard case .split(let weights, let targets) = step.action else { return nil }
            let options = zip(weights, targets).enumerated().map { option, pair in
                let key = Key(flow: index, step: position, option: option)
                let target = pair.1 == flow.endPosition ? "end" : flow.steps[pair.1].name
                return SplitOption(target: target, weight: pair.0, isHoldout: pair.1 == flow.endPosition,
                                   entered: entered[key] ?? 0, converted: converted[key] ?? 0)
            }
            return SplitMetrics(step: step.name, options: options, comparisons: Self.comparisons(options))
        }
    }

    /// Each option against the holdout, else against the first option, on conversion rate.
    static func comparisons(_ options: [SplitOption]) -> [Comparison] {
        guard let baseline = options.firstIndex(where: \.isHoldout) ?? options.indices.first else { return [] }
        return options.indices.filter { $0 != baseline }.map { treatment in
            Comparison(
                metric: "conversion_rate", baseline: label(options, baseline), treatment: label(options, treatment),
                baselineSample: .init(successes: options[baseline].converted, trials: options[baseline].entered),
                treatmentSample: .init(successes: options[treatment].converted, trials: options[treatment].entered))
        }
    }

    /// `goto <target>`, with the option's position when two options share a target.
    private static func label(_ options: [SplitOption], _ index: Int) -> String {
        let target = options[index].target
        return options.filter { $0.target == target }.count > 1 ? "goto \(target) (option \(index + 1))" : "goto \(target)"
    }
}
