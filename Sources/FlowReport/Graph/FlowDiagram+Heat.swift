extension FlowDiagram {
    /// The diagram as a heat map of a replayed log: the start node gets the flow's entered,
    /// completed, converted and exited counts, each send step its entered (reached: sent or
    /// skipped), sent, opened, clicked and converted counts, and those nodes a `heat` level by
    /// entered volume. Other steps stay unmeasured: run records do not say when they were reached.
    public func annotated(with metrics: FlowMetrics) -> FlowDiagram {
        let steps = Dictionary(metrics.steps.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first })
        var measured: [(position: Int, entered: Int)] = []
        var result = self
        for (position, node) in nodes.enumerated() {
            switch node.kind {
            case .start:
                result.nodes[position].lines.append(
                    "entered \(metrics.entered), completed \(metrics.completed), "
                        + "converted \(metrics.converted), exited \(metrics.exited)")
                measured.append((position, metrics.entered))
            case .send:
                guard let name = node.lines.first, let step = steps[name] else { continue }
                let entered = step.mail.sent + step.skips.values.reduce(0, +)
                result.nodes[position].lines.append(
                    "entered \(entered), sent \(step.mail.sent), opened \(step.mail.uniqueOpens), "
                        + "clicked \(step.mail.uniqueClicks), converted \(step.mail.convertedRecipients)")
                measured.append((position, entered))
            default:
                continue
            }
        }
        let maximum = measured.map(\.entered).max() ?? 0
        for (position, entered) in measured {
            result.nodes[position].heat = HeatScale.level(entered, maximum: maximum)
        }
        return result
    }
}
