import Testing
@testable import FlowReport

/// `ReportHTML`: a self-contained page with every section, and every report text escaped.
@Suite struct ReportRenderHTMLTests {
    @Test func pageHoldsEverySectionOfEachFlow() {
        let html = ReportHTML.render(ReportSamples.report())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        for text in ["id=\"flow-promo\"", "id=\"flow-idle\"", "Funnel (messages)", "Daily sends", "Steps",
                     "A/B comparison", "variant <code>other</code> (50%)", "60.0% (120/200)",
                     "+20.0 pp", "other wins over hello", "class=\"ci up\"",
                     "<h3>Splits</h3>", "goto <code>end</code> (holdout) · 10%", "9.9% (40/405)", "2026-03-02", "2026-03-03"] {
            #expect(html.contains(text), "missing \(text)")
        }
        // The idle flow has no comparison: one A/B table in the page, and no sends to chart.
        #expect(html.components(separatedBy: "<h3>A/B comparison</h3>").count == 2)
        #expect(html.contains("No sends."))
    }

    @Test func pageFetchesNothingAndRunsNoScript() {
        let html = ReportHTML.render(ReportSamples.report())
        for forbidden in ["<script", "<link", "src=", "@import", "url(", "https://"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        let withoutSVGNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutSVGNamespace.contains("http://"))
    }

    @Test func reportTextIsEscaped() {
        let html = ReportHTML.render(ReportSamples.report(flowID: "<b>x&y</b>", templates: ("\"a'", "<img src=x>")))
        #expect(!html.contains("<b>x"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;b&gt;x&amp;y&lt;/b&gt;"))
        #expect(html.contains("id=\"flow-&lt;b&gt;x&amp;y&lt;/b&gt;\""))
        #expect(html.contains("&quot;a&#39;"))
        #expect(html.contains("&lt;img src=x&gt;"))
    }

    @Test func chartsDrawOnlyFiniteCoordinates() {
        var report = ReportSamples.report()
        report.flows[1].dailySends = [DailySends(day: "2026-03-02", sends: 0)]
        let html = ReportHTML.render(report)
        #expect(!html.lowercased().contains("nan"))
        #expect(!html.contains("inf"))
        #expect(SVGCharts.fraction(5, of: 0) == 0)
        #expect(SVGCharts.fraction(7, of: 5) == 1)
        #expect(SVGCharts.fraction(.nan, of: 5) == 0)
    }
}
