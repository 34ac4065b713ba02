import FlowIR
import FlowRuntime
import FlowSyntax

/// Finds the source text of the conditions the replay traces and reads, in the environment the
/// replay evaluated them in, the value of every path and function call they contain.
struct ConditionReader {
    /// A parsed condition and its readings, compiled once.
    struct Prepared {
        var text: String
        var readings: [(text: String, expression: CompiledExpression)]
    }

    private var cache: [String: Prepared?] = [:]

    /// The detail of `text` evaluated in `environment` (valid only during a trace call).
    mutating func detail(of text: ExpressionText?, held: Bool, in environment: any ExpressionEnvironment) -> ConditionDetail? {
        guard let text, let prepared = prepared(text.text) else { return nil }
        let values = prepared.readings.map {
            ConditionDetail.Reading(expression: $0.text, value: $0.expression.evaluate(in: environment))
        }
        return ConditionDetail(text: prepared.text, held: held, values: values)
    }

    private mutating func prepared(_ text: String) -> Prepared? {
        if let known = cache[text] { return known }
        var prepared: Prepared?
        if let expression = try? ExpressionParser.parse(text) {
            var seen: Set<String> = []
            let readings = Self.reads(of: expression).compactMap { read -> (String, CompiledExpression)? in
                let text = read.description
                return seen.insert(text).inserted ? (text, CompiledExpression(read)) : nil
            }
            prepared = Prepared(text: text, readings: readings)
        }
        cache[text] = prepared
        return prepared
    }

    /// The outermost paths and function calls of `expression`, left to right.
    static func reads(of expression: Expression) -> [Expression] {
        switch expression.kind {
        case .literal: []
        case .path, .call: [expression]
        case .list(let items): items.flatMap(reads)
        case .not(let operand): reads(of: operand)
        case .binary(_, let lhs, let rhs): reads(of: lhs) + reads(of: rhs)
        }
    }
}

/// Where the conditions of a flow are written.
extension Flow {
    func conditionText(_ site: ConditionSite) -> ExpressionText? {
        switch site {
        case .trigger:
            switch trigger?.kind {
            case .event(_, let condition): condition
            case .inactivity(let inactivity): inactivity.where
            case .date, nil: nil
            }
        case .audience: audience
        case .goal: goal?.where
        case .exit(let position): exits.indices.contains(position) ? exits[position].where : nil
        case .waitFor(let step):
            if steps.indices.contains(step), case .waitFor(let waitFor) = steps[step].action { waitFor.where } else { nil }
        }
    }

    /// The `if` conditions of the branch at `step`, in order (the compiled branch's cases).
    func branchConditions(at step: Int) -> [ExpressionText] {
        guard steps.indices.contains(step), case .branch(let branch) = steps[step].action else { return [] }
        var conditions: [ExpressionText] = []
        for entry in branch.cases {
            guard case .condition(let text, _, _) = entry else { break }
            conditions.append(text)
        }
        return conditions
    }
}
