/// The A/B comparison table of `ReportHTML`: per comparison the rates, the difference with its
/// 95% interval drawn on a shared scale, the p-value and the verdict.
enum ReportHTMLComparisons {
    /// `comparisons` with the step (or `split ID`) each belongs to.
    static func table(_ comparisons: [(step: String, comparison: Comparison)]) -> String {
        let extent = comparisons.compactMap(\.comparison.test).map { max(abs($0.lower), abs($0.upper)) }
            .filter(\.isFinite).max() ?? 0
        let scale = extent > 0 ? extent * 1.1 : 0.1
        let rows = comparisons.map { row(step: $0.step, comparison: $0.comparison, scale: scale) }.joined()
        return """
        <h3>A/B comparison</h3>
        <p class="note">Each row compares a variant (treatment) with the baseline. The bar shows the \
        difference in rate with its 95% interval on a scale of ±\(ReportText.fixed(scale * 100, 1)) pp; the centre line is no difference.</p>
        <table class="ab">
        <thead><tr><th>Step</th><th>Metric</th><th>Treatment vs baseline</th><th>Rates</th><th>Difference (95% CI)</th><th></th><th>p</th><th>Verdict</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>

        """
    }

    private static func row(step: String, comparison: Comparison, scale: Double) -> String {
        let escape = HTMLText.escape
        var cells = "<td><code>\(escape(step))</code></td><td>\(escape(comparison.metric.replacingOccurrences(of: "_", with: " ")))</td>"
        cells += "<td><code>\(escape(comparison.treatment))</code> vs <code>\(escape(comparison.baseline))</code></td>"
        if let test = comparison.test {
            cells += "<td>\(rate(test.treatment)) vs \(rate(test.baseline))</td>"
            cells += "<td class=\"num\">\(points(test.difference)) [\(points(test.lower)), \(points(test.upper))]</td>"
            cells += "<td>" + SVGCharts.interval(lower: test.lower, difference: test.difference, upper: test.upper, extent: scale, tone: tone(comparison.verdict)) + "</td>"
            cells += "<td class=\"num\">\(ReportText.fixed(test.pValue, 4))</td>"
        } else {
            cells += "<td>n/a</td><td>n/a</td><td></td><td>n/a</td>"
        }
        cells += "<td class=\"verdict \(comparison.verdict.rawValue)\">\(escape(comparison.sentence))</td>"
        return "<tr>\(cells)</tr>\n"
    }

    private static func tone(_ verdict: Comparison.Verdict) -> SVGCharts.Tone {
        switch verdict {
        case .treatmentWins: .up
        case .baselineWins: .down
        case .notEnoughData, .noSignificantDifference: .flat
        }
    }

    private static func rate(_ sample: TwoProportionTest.Sample) -> String {
        ReportHTML.rate(Rate(sample.successes, sample.trials, of: ""))
    }

    private static func points(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + ReportText.fixed(value * 100, 1) + " pp"
    }
}
