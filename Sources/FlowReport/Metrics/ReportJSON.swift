import FlowCheck
import FlowSyntax

/// `flowc report --format json`: the whole `ProjectReport` as one JSON object.
public enum ReportJSON {
    public static func render(_ report: ProjectReport) -> String {
        JSONWriter.write(.object([
            "attribution_window": .string(DurationSyntax.format(report.attributionWindow)),
            "totals": mail(report.totals),
            "unmatched_feedback": .int(report.unmatchedFeedback),
            "flows": .array(report.flows.map(flow)),
        ]), style: .pretty)
    }

    static func flow(_ flow: FlowMetrics) -> JSONValue {
        .object([
            "flow": .string(flow.id),
            "entered": .int(flow.entered),
            "ended": counts(Dictionary(uniqueKeysWithValues: flow.ended.map { ($0.key.rawValue, $0.value) })),
            "skipped": counts(flow.skips),
            "mail": mail(flow.mail),
            "steps": .array(flow.steps.map(step)),
            "splits": .array(flow.splits.map(split)),
            "daily_sends": .array(flow.dailySends.map { .object(["day": .string($0.day), "sends": .int($0.sends)]) }),
        ])
    }

    static func step(_ step: StepMetrics) -> JSONValue {
        .object([
            "step": .string(step.step),
            "skipped": counts(step.skips),
            "mail": mail(step.mail),
            "variants": .array(step.variants.map { .object(["template": .string($0.template), "weight": .int($0.weight), "mail": mail($0.mail)]) }),
            "comparisons": .array(step.comparisons.map(comparison)),
        ])
    }

    static func split(_ split: SplitMetrics) -> JSONValue {
        .object([
            "step": .string(split.step),
            "options": .array(split.options.map {
                .object([
                    "goto": .string($0.target), "weight": .int($0.weight), "holdout": .bool($0.isHoldout),
                    "entered": .int($0.entered), "converted": .int($0.converted), "conversion_rate": rate($0.conversionRate),
                ])
            }),
            "comparisons": .array(split.comparisons.map(comparison)),
        ])
    }

    static func mail(_ mail: MailCounts) -> JSONValue {
        .object([
            "sent": .int(mail.sent), "delivered": .int(mail.delivered),
            "hard_bounces": .int(mail.hardBounces), "soft_bounces": .int(mail.softBounces),
            "unique_opens": .int(mail.uniqueOpens), "unique_clicks": .int(mail.uniqueClicks),
            "unsubscribes": .int(mail.unsubscribes), "spam_complaints": .int(mail.spamComplaints),
            "conversions": .int(mail.conversions), "converted_recipients": .int(mail.convertedRecipients),
            "revenue": .double(mail.revenue),
            "open_rate": rate(mail.openRate), "click_rate": rate(mail.clickRate),
            "click_to_open_rate": rate(mail.clickToOpenRate), "conversion_rate": rate(mail.conversionRate),
            "revenue_per_recipient": mail.revenuePerRecipient.map(JSONValue.double) ?? .null,
        ])
    }

    static func rate(_ rate: Rate) -> JSONValue {
        .object([
            "value": rate.value.map(JSONValue.double) ?? .null,
            "numerator": .int(rate.numerator), "denominator": .int(rate.denominator), "of": .string(rate.of),
        ])
    }

    static func comparison(_ comparison: Comparison) -> JSONValue {
        let test: JSONValue = comparison.test.map { test in
            .object([
                "difference": .double(test.difference), "z": .double(test.z), "p_value": .double(test.pValue),
                "ci95": .array([.double(test.lower), .double(test.upper)]),
            ])
        } ?? .null
        return .object([
            "metric": .string(comparison.metric), "baseline": .string(comparison.baseline),
            "treatment": .string(comparison.treatment), "test": test,
            "verdict": .string(comparison.verdict.rawValue), "summary": .string(comparison.sentence),
        ])
    }

    private static func counts(_ counts: [String: Int]) -> JSONValue {
        .object(counts.sorted { $0.key < $1.key }.map { JSONMember($0.key, .int($0.value)) })
    }
}
