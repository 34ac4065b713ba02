extension FlowDiagram {
    /// The diagram as a heat map of a replayed log: the start node gets the flow's entered,
    /// completed, converted and exited counts; every step node how many times instances reached
    /// it (`visits`, by step position; a postponed send resumed is the same visit), send steps
    /// also their sent, opened, clicked and converted counts; and those nodes a `heat` level by
    /// that volume.
    public func annotated(with metrics: FlowMetrics, visits: [Int]) -> FlowDiagram {
        let steps = Dictionary(metrics.steps.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first })
        var measured: [(position: Int, entered: Int)] = []
        var result = self
        for (position, node) in nodes.enumerated() {
            if node.kind == .start {
                result.nodes[position].lines.append(
                    "entered \(metrics.entered), completed \(metrics.completed), "
                        + "converted \(metrics.converted), exited \(metrics.exited)")
                measured.append((position, metrics.entered))
                continue
            }
            guard let index = node.stepIndex, visits.indices.contains(index) else { continue }
            let entered = visits[index]
            var line = "entered \(entered)"
            if node.kind == .send, let name = node.lines.first, let step = steps[name] {
                line += ", sent \(step.mail.sent), opened \(step.mail.uniqueOpens), "
                    + "clicked \(step.mail.uniqueClicks), converted \(step.mail.convertedRecipients)"
            }
            result.nodes[position].lines.append(line)
            measured.append((position, entered))
        }
        let maximum = measured.map(\.entered).max() ?? 0
        for (position, entered) in measured {
            result.nodes[position].heat = HeatScale.level(entered, maximum: maximum)
        }
        return result
    }
}
