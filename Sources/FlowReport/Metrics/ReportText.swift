import FlowSyntax

/// `flowc report --format text`: a plain-text report; every rate names its denominator.
public enum ReportText {
    public static func render(_ report: ProjectReport) -> String {
        var lines = ["attribution: last touch within \(DurationSyntax.format(report.attributionWindow)) before the goal event"]
        for flow in report.flows {
            lines.append("")
            lines.append("flow \(flow.id): entered \(flow.entered), completed \(flow.completed), converted \(flow.converted), exited \(flow.exited)")
            if !flow.skips.isEmpty { lines.append("  skipped: " + skips(flow.skips)) }
            lines += mail(flow.mail, indent: "  ")
            for step in flow.steps {
                lines.append("  step \(step.step)" + (step.skips.isEmpty ? "" : " (skipped: \(skips(step.skips)))"))
                lines += mail(step.mail, indent: "    ")
                for variant in step.variants {
                    lines.append("    variant \(variant.template) (\(variant.weight)%)")
                    lines += mail(variant.mail, indent: "      ")
                }
                lines += step.comparisons.map { "    " + comparison($0) }
            }
            for split in flow.splits {
                lines.append("  split \(split.step)")
                for option in split.options {
                    lines.append("    goto \(option.target)\(option.isHoldout ? " (holdout)" : ""): entered \(option.entered), converted \(option.converted), \(rate(option.conversionRate))")
                }
                lines += split.comparisons.map { "    " + comparison($0) }
            }
            if !flow.dailySends.isEmpty {
                lines.append("  daily sends: " + flow.dailySends.map { "\($0.day) \($0.sends)" }.joined(separator: ", "))
            }
        }
        if report.unmatchedFeedback > 0 {
            lines.append("")
            lines.append("\(report.unmatchedFeedback) feedback event(s) named no message of this replay")
        }
        return lines.joined(separator: "\n")
    }

    static func mail(_ mail: MailCounts, indent: String) -> [String] {
        [
            "\(indent)sent \(mail.sent), delivered \(mail.delivered), bounced \(mail.hardBounces) hard / \(mail.softBounces) soft, unsubscribes \(mail.unsubscribes), spam \(mail.spamComplaints)",
            "\(indent)opens \(rate(mail.openRate)), clicks \(rate(mail.clickRate)), click-to-open \(rate(mail.clickToOpenRate))",
            "\(indent)conversions \(mail.conversions), conversion rate \(rate(mail.conversionRate)), revenue \(money(mail.revenue)), per recipient \(mail.revenuePerRecipient.map(money) ?? "n/a")",
        ]
    }

    /// `40.0% (2/5 sent)`, or `n/a (0 sent)`.
    static func rate(_ rate: Rate) -> String {
        guard let value = rate.value else { return "n/a (0 \(rate.of))" }
        return "\(percent(value)) (\(rate.numerator)/\(rate.denominator) \(rate.of))"
    }

    static func comparison(_ comparison: Comparison) -> String {
        var text = "\(comparison.metric): \(comparison.treatment) vs \(comparison.baseline)"
        if let test = comparison.test {
            text += ": difference \(points(test.difference)), 95% CI [\(points(test.lower)), \(points(test.upper))], p = \(fixed(test.pValue, 4))"
        }
        return text + " — " + comparison.sentence
    }

    private static func skips(_ skips: [String: Int]) -> String {
        skips.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private static func percent(_ value: Double) -> String { fixed(value * 100, 1) + "%" }
    private static func points(_ value: Double) -> String { (value >= 0 ? "+" : "") + fixed(value * 100, 1) + " pp" }
    private static func money(_ value: Double) -> String { fixed(value, 2) }

    /// `value` with `digits` decimals, rounded half away from zero.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "n/a" }
        guard abs(value) < 1e15 else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale), fraction = Int(scaled.truncatingRemainder(dividingBy: scale))
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}
