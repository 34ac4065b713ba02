import FlowIR

extension StepMetrics {
    /// The metrics of a send step from its messages' counts, skips and per-template counts.
    init(step: CompiledStep, send: CompiledSend, mail: MailCounts, skips: [String: Int], variants: [String: MailCounts]) {
        self.init(step: step.name, mail: mail, skips: skips)
        guard send.isABTest else { return }
        self.variants = send.options.map {
            VariantMetrics(template: $0.template, weight: $0.weight, mail: variants[$0.template] ?? MailCounts())
        }
        guard let baseline = self.variants.first else { return }
        comparisons = self.variants.dropFirst().flatMap { treatment in
            Self.abMetrics.map { metric, successes in
                Comparison(
                    metric: metric, baseline: baseline.template, treatment: treatment.template,
                    baselineSample: .init(successes: successes(baseline.mail), trials: baseline.mail.sent),
                    treatmentSample: .init(successes: successes(treatment.mail), trials: treatment.mail.sent))
            }
        }
    }

    /// The rates A/B variants are compared on, each over recipients (sent).
    static let abMetrics: [(String, @Sendable (MailCounts) -> Int)] = [
        ("open_rate", { $0.uniqueOpens }),
        ("click_rate", { $0.uniqueClicks }),
        ("conversion_rate", { $0.convertedRecipients }),
    ]
}

extension ReportBuilder {
    /// The send steps of a flow, in order, with what was accumulated for them.
    func stepMetrics(of flow: CompiledFlow, index: Int, mail: [StepKey: MailCounts], variants: [StepKey: [String: MailCounts]]) -> [StepMetrics] {
        flow.steps.compactMap { step in
            guard case .send(let send) = step.action else { return nil }
            let key = StepKey(flow: index, step: step.name)
            return StepMetrics(step: step, send: send, mail: mail[key] ?? MailCounts(), skips: stepSkips[key] ?? [:], variants: variants[key] ?? [:])
        }
    }
}
