import FlowSyntax

/// `flowc report --format html`: one self-contained page (inline CSS and SVG, no scripts, nothing
/// fetched) with, per flow, a message funnel, per-step rate bars, the A/B and split comparisons
/// with their 95% intervals, and a daily sends chart. All text from the report is HTML-escaped.
public enum ReportHTML {
    public static func render(_ report: ProjectReport) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>flowc report</title>
        <style>\(ReportHTMLStyle.css)</style>
        </head>
        <body>
        <header>
        <h1>flowc report</h1>
        <p class="note">Attribution: last touch within \(escape(DurationSyntax.format(report.attributionWindow))) before the goal event. \
        \(report.flows.count) flow(s); \(report.totals.sent) message(s) sent in all.</p>
        \(summary(report.totals))
        """
        if report.unmatchedFeedback > 0 {
            html += "<p class=\"note\">\(report.unmatchedFeedback) feedback event(s) named no message of this replay.</p>\n"
        }
        html += "<nav>" + report.flows.map { "<a href=\"#flow-\(escape($0.id))\">\(escape($0.id))</a>" }.joined(separator: " ") + "</nav>\n</header>\n<main>\n"
        html += report.flows.map(flow).joined(separator: "\n")
        return html + "</main>\n</body>\n</html>\n"
    }

    static func flow(_ flow: FlowMetrics) -> String {
        var html = """
        <section class="flow" id="flow-\(escape(flow.id))">
        <h2>Flow <code>\(escape(flow.id))</code></h2>
        <p class="note">Entered \(flow.entered) · completed \(flow.completed) · converted \(flow.converted) · exited \(flow.exited)\
        \(flow.skips.isEmpty ? "" : " · skipped " + escape(skips(flow.skips)))</p>
        <div class="grid">
        <div><h3>Funnel (messages)</h3>
        \(SVGCharts.funnel([
            .init(label: "sent", count: flow.mail.sent), .init(label: "delivered", count: flow.mail.delivered),
            .init(label: "opened", count: flow.mail.uniqueOpens), .init(label: "clicked", count: flow.mail.uniqueClicks),
            .init(label: "converted", count: flow.mail.convertedRecipients),
        ], width: 560))</div>
        <div><h3>Daily sends</h3>
        \(flow.dailySends.isEmpty ? "<p class=\"note\">No sends.</p>" : SVGCharts.columns(flow.dailySends.map { ($0.day, $0.sends) }, width: 560))</div>
        </div>

        """
        if !flow.steps.isEmpty { html += steps(flow.steps) }
        if !flow.splits.isEmpty { html += splits(flow.splits) }
        let comparisons = flow.steps.flatMap { step in step.comparisons.map { (step.step, $0) } }
            + flow.splits.flatMap { split in split.comparisons.map { ("split " + split.step, $0) } }
        if !comparisons.isEmpty { html += ReportHTMLComparisons.table(comparisons) }
        return html + "</section>\n"
    }

    /// One row per send step and A/B variant: counts and bars for the open, click and conversion rates.
    static func steps(_ steps: [StepMetrics]) -> String {
        var rows = ""
        for step in steps {
            rows += row(name: "<code>\(escape(step.step))</code>" + (step.skips.isEmpty ? "" : "<br><small>skipped \(escape(skips(step.skips)))</small>"),
                        mail: step.mail, className: "step")
            for variant in step.variants {
                rows += row(name: "↳ variant <code>\(escape(variant.template))</code> (\(variant.weight)%)", mail: variant.mail, className: "variant")
            }
        }
        return """
        <h3>Steps</h3>
        <table class="steps">
        <thead><tr><th>Step</th><th>Sent</th><th>Opens (of sent)</th><th>Clicks (of sent)</th><th>Conversions (of sent)</th><th>Revenue</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>

        """
    }

    /// One row per split option: entries, conversions after entry and a bar for the conversion rate.
    static func splits(_ splits: [SplitMetrics]) -> String {
        var rows = ""
        for split in splits {
            for option in split.options {
                rows += "<tr><td><code>\(escape(split.step))</code></td><td>goto <code>\(escape(option.target))</code>\(option.isHoldout ? " (holdout)" : "") · \(option.weight)%</td>"
                rows += "<td class=\"num\">\(option.entered)</td><td class=\"num\">\(option.converted)</td>"
                rows += "<td>" + SVGCharts.bar(fraction: option.conversionRate.value, caption: rate(option.conversionRate)) + "</td></tr>\n"
            }
        }
        return """
        <h3>Splits</h3>
        <table class="splits">
        <thead><tr><th>Split</th><th>Option</th><th>Entered</th><th>Converted</th><th>Conversion rate (of entered)</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>

        """
    }

    private static func row(name: String, mail: MailCounts, className: String) -> String {
        let bars = [mail.openRate, mail.clickRate, mail.conversionRate]
            .map { "<td>" + SVGCharts.bar(fraction: $0.value, caption: rate($0)) + "</td>" }.joined()
        return "<tr class=\"\(className)\"><td>\(name)</td><td class=\"num\">\(mail.sent)</td>\(bars)<td class=\"num\">\(ReportText.fixed(mail.revenue, 2))</td></tr>\n"
    }

    /// `40.0% (2/5)`, or `n/a`.
    static func rate(_ rate: Rate) -> String {
        guard let value = rate.value else { return "n/a" }
        return "\(ReportText.fixed(value * 100, 1))% (\(rate.numerator)/\(rate.denominator))"
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    private static func skips(_ skips: [String: Int]) -> String {
        skips.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private static func summary(_ totals: MailCounts) -> String {
        let cards = [
            ("Sent", String(totals.sent)), ("Delivered", rate(totals.deliveryRate)), ("Opens", rate(totals.openRate)),
            ("Clicks", rate(totals.clickRate)), ("Conversions", rate(totals.conversionRate)),
            ("Revenue", ReportText.fixed(totals.revenue, 2)),
        ]
        return "<div class=\"cards\">" + cards.map { "<div class=\"card\"><span>\($0.0)</span><strong>\(escape($0.1))</strong></div>" }.joined() + "</div>"
    }
}
