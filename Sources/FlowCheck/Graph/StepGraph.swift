import FlowSyntax

/// A flow's steps as a graph: where each step can go next, with jump targets resolved.
/// The graph rules (FC101–FC108, FC207–FC209) and the IR compiler work on this, not on raw YAML.
public struct StepGraph: Sendable {
    /// Where control can go from a step.
    public enum Target: Hashable, Sendable {
        case step(Int)
        /// Completing the instance (`end`, or running past the last step).
        case end
    }

    /// An edge leaving a step. `jump` is the target as written, nil for falling through.
    public struct Edge: Sendable {
        public var target: Target
        public var jump: JumpTarget?
    }

    public let steps: [Step]
    /// Outgoing edges per step (by position in `steps`); unknown jump targets are left out.
    public private(set) var edges: [[Edge]]
    /// Jumps naming no step, with the ids that exist (for FC101).
    public private(set) var unknownJumps: [JumpTarget]
    /// Step position by id (the first step with that id).
    public let positions: [String: Int]

    public init(steps: [Step]) {
        self.steps = steps
        var positions: [String: Int] = [:]
        for (position, step) in steps.enumerated() {
            if let id = step.id?.value, positions[id] == nil { positions[id] = position }
        }
        self.positions = positions
        edges = []
        unknownJumps = []
        for position in steps.indices {
            edges.append(outgoing(from: position))
        }
    }

    /// Resolves a jump target: a step id or `end`.
    public func resolve(_ jump: JumpTarget) -> Target? {
        if jump.value == "end" { return .end }
        return positions[jump.value].map(Target.step)
    }

    private mutating func outgoing(from position: Int) -> [Edge] {
        let next = Edge(target: position + 1 < steps.count ? .step(position + 1) : .end, jump: nil)
        var result: [Edge] = []
        func jump(_ target: JumpTarget?) {
            guard let target else {
                result.append(next)
                return
            }
            if let resolved = resolve(target) {
                result.append(Edge(target: resolved, jump: target))
            } else {
                unknownJumps.append(target)
            }
        }
        switch steps[position].action {
        case .wait, .send, .update:
            result.append(next)
        case .end:
            result.append(Edge(target: .end, jump: nil))
        case .goto(let target):
            jump(target)
        case .waitFor(let waitFor):
            jump(waitFor.then)
            jump(waitFor.timeout)
        case .branch(let branch):
            branch.cases.forEach { jump($0.target) }
            let hasElse = branch.cases.contains { if case .otherwise = $0 { true } else { false } }
            if !hasElse { result.append(next) }
        case .split(let split):
            split.options.forEach { jump($0.goto) }
        }
        return result
    }

    /// Whether a step makes time pass (a wait or wait_for).
    public func isTimed(_ position: Int) -> Bool {
        switch steps[position].action {
        case .wait, .waitFor: true
        default: false
        }
    }

    /// Positions reachable from the first step.
    public func reachable() -> Set<Int> {
        guard !steps.isEmpty else { return [] }
        var seen: Set<Int> = [0]
        var work = [0]
        while let position = work.popLast() {
            for edge in edges[position] {
                if case .step(let next) = edge.target, seen.insert(next).inserted { work.append(next) }
            }
        }
        return seen
    }

    /// Strongly connected components (Tarjan, iterative) of the subgraph of steps that
    /// `include` keeps; only components that contain a cycle are returned.
    public func cycles(including include: (Int) -> Bool) -> [Set<Int>] {
        var index = 0
        var indices = [Int?](repeating: nil, count: steps.count)
        var lowlink = [Int](repeating: 0, count: steps.count)
        var onStack = [Bool](repeating: false, count: steps.count)
        var stack: [Int] = []
        var components: [Set<Int>] = []
        func successors(_ v: Int) -> [Int] {
            edges[v].compactMap { if case .step(let w) = $0.target, include(w) { w } else { nil } }
        }
        for root in steps.indices where include(root) && indices[root] == nil {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            indices[root] = index; lowlink[root] = index; index += 1
            stack.append(root); onStack[root] = true
            while let (v, i) = work.last {
                let succ = successors(v)
                if i < succ.count {
                    work[work.count - 1].next += 1
                    let w = succ[i]
                    if indices[w] == nil {
                        indices[w] = index; lowlink[w] = index; index += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        lowlink[v] = min(lowlink[v], indices[w]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowlink[parent] = min(lowlink[parent], lowlink[v]) }
                if lowlink[v] == indices[v] {
                    var component: Set<Int> = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.insert(w)
                        if w == v { break }
                    }
                    if component.count > 1 || successors(v).contains(v) { components.append(component) }
                }
            }
        }
        return components
    }
}
