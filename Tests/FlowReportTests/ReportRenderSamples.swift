@testable import FlowReport

/// Hand-made reports for the CSV and HTML renderer tests.
enum ReportSamples {
    static func mail(sent: Int, opens: Int = 0, clicks: Int = 0, converted: Int = 0, revenue: Double = 0) -> MailCounts {
        var mail = MailCounts()
        mail.sent = sent
        mail.delivered = sent
        mail.uniqueOpens = opens
        mail.uniqueClicks = clicks
        mail.conversions = converted
        mail.convertedRecipients = converted
        mail.revenue = revenue
        return mail
    }

    /// One flow `flowID` with a plain step `welcome`, an A/B step `offer` whose variants are
    /// `templates`, and two days of sends.
    static func report(flowID: String = "promo", templates: (String, String) = ("hello", "other")) -> ProjectReport {
        let baseline = mail(sent: 200, opens: 80, clicks: 20, converted: 10, revenue: 150)
        let treatment = mail(sent: 200, opens: 120, clicks: 40, converted: 30, revenue: 420.5)
        let comparison = Comparison(metric: "open_rate", baseline: templates.0, treatment: templates.1,
                                    baselineSample: .init(successes: 80, trials: 200),
                                    treatmentSample: .init(successes: 120, trials: 200))
        var flow = FlowMetrics(id: flowID)
        flow.entered = 450
        flow.ended = [.completed: 400, .converted: 40]
        flow.skips = ["no_email": 3, "frequency_cap": 2]
        flow.mail = mail(sent: 450, opens: 210, clicks: 61, converted: 40, revenue: 570.5)
        flow.steps = [
            StepMetrics(step: "welcome", mail: mail(sent: 50, opens: 10, clicks: 1), skips: ["no_email": 3]),
            StepMetrics(step: "offer", mail: mail(sent: 400, opens: 200, clicks: 60, converted: 40, revenue: 570.5),
                        variants: [VariantMetrics(template: templates.0, weight: 50, mail: baseline),
                                   VariantMetrics(template: templates.1, weight: 50, mail: treatment)],
                        comparisons: [comparison]),
        ]
        flow.splits = [SplitMetrics(step: "holdout", options: [
            SplitOption(target: "welcome", weight: 90, isHoldout: false, entered: 405, converted: 40),
            SplitOption(target: "end", weight: 10, isHoldout: true, entered: 45, converted: 0),
        ])]
        flow.dailySends = [DailySends(day: "2026-03-02", sends: 300), DailySends(day: "2026-03-03", sends: 150)]
        var idle = FlowMetrics(id: "idle")
        idle.steps = [StepMetrics(step: "nothing")]
        return ProjectReport(attributionWindow: 5 * 86_400_000, flows: [flow, idle], totals: flow.mail, unmatchedFeedback: 0)
    }
}
