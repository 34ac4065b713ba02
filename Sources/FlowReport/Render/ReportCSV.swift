/// `flowc report --format csv`: one row per flow, per send step and per A/B variant, after a
/// header row; RFC 4180 (comma-separated, CRLF line ends, fields quoted when they need it).
///
/// `level` says what a row is (`flow`, `step` or `variant`); a flow row leaves `step` and
/// `variant` empty, a step row leaves `variant` empty. Rates are fractions with four decimals,
/// empty when their denominator is 0.
public enum ReportCSV {
    static let header = [
        "level", "flow", "step", "variant", "weight",
        "entered", "completed", "converted", "exited", "skipped",
        "sent", "delivered", "hard_bounces", "soft_bounces", "unique_opens", "unique_clicks",
        "unsubscribes", "spam_complaints", "conversions", "converted_recipients", "revenue",
        "delivery_rate", "open_rate", "click_rate", "click_to_open_rate", "conversion_rate",
        "revenue_per_recipient",
    ]

    public static func render(_ report: ProjectReport) -> String {
        var rows = [header]
        for flow in report.flows {
            rows.append(["flow", flow.id, "", "", ""]
                + [flow.entered, flow.completed, flow.converted, flow.exited, total(flow.skips)].map(String.init)
                + mail(flow.mail))
            for step in flow.steps {
                rows.append(["step", flow.id, step.step, "", "", "", "", "", "", String(total(step.skips))] + mail(step.mail))
                for variant in step.variants {
                    rows.append(["variant", flow.id, step.step, variant.template, String(variant.weight), "", "", "", "", ""]
                        + mail(variant.mail))
                }
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field as RFC 4180 writes it: in double quotes, inner quotes doubled, when it holds a
    /// comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func mail(_ mail: MailCounts) -> [String] {
        [mail.sent, mail.delivered, mail.hardBounces, mail.softBounces, mail.uniqueOpens, mail.uniqueClicks,
         mail.unsubscribes, mail.spamComplaints, mail.conversions, mail.convertedRecipients].map(String.init)
            + [ReportText.fixed(mail.revenue, 2)]
            + [mail.deliveryRate, mail.openRate, mail.clickRate, mail.clickToOpenRate, mail.conversionRate].map(rate)
            + [mail.revenuePerRecipient.map { ReportText.fixed($0, 2) } ?? ""]
    }

    private static func rate(_ rate: Rate) -> String {
        rate.value.map { ReportText.fixed($0, 4) } ?? ""
    }

    /// The sum of skip counts; saturates instead of trapping.
    private static func total(_ skips: [String: Int]) -> Int {
        skips.values.reduce(0) { $0.addingReportingOverflow($1).overflow ? Int.max : $0 + $1 }
    }
}
