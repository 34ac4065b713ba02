/// Small inline SVG charts for `ReportHTML`. Every label is HTML-escaped; every coordinate is a
/// finite number, so odd counts (0, huge) draw an empty or full bar rather than a broken chart.
enum SVGCharts {
    /// One stage of a funnel: a label and a count.
    struct Stage {
        var label: String
        var count: Int
    }

    /// A funnel: one bar per stage, its width relative to the first stage, with the count and the
    /// share of the first stage written beside it.
    static func funnel(_ stages: [Stage], width: Int = 640) -> String {
        let rowHeight = 30, labelWidth = 110, textWidth = 130
        let barSpace = Double(width - labelWidth - textWidth)
        let top = Double(stages.first?.count ?? 0)
        var body = ""
        for (index, stage) in stages.enumerated() {
            let y = index * rowHeight
            let share = fraction(Double(stage.count), of: top)
            let barWidth = barSpace * share
            let x = Double(labelWidth) + (barSpace - barWidth) / 2
            body += """
            <text x="0" y="\(y + 20)" class="label">\(HTMLText.escape(stage.label))</text>\
            <rect x="\(number(x))" y="\(y + 4)" width="\(number(barWidth))" height="\(rowHeight - 8)" rx="3" class="funnel-bar"/>\
            <text x="\(width - textWidth + 8)" y="\(y + 20)" class="value">\(stage.count)\(top > 0 ? " · " + percent(share) : "")</text>
            """
        }
        return svg(width: width, height: max(stages.count, 1) * rowHeight, title: "funnel", body: body)
    }

    /// A horizontal bar `fraction` (0…1) of `width` long, with `caption` beside it.
    static func bar(fraction value: Double?, caption: String, width: Int = 160) -> String {
        let barWidth = Double(width) * fraction(value ?? 0, of: 1)
        return """
        <span class="bar-cell">\(svg(width: width, height: 14, title: caption, body: """
        <rect x="0" y="0" width="\(width)" height="14" rx="2" class="bar-track"/>\
        <rect x="0" y="0" width="\(number(barWidth))" height="14" rx="2" class="bar"/>
        """))<span class="bar-caption">\(HTMLText.escape(caption))</span></span>
        """
    }

    /// How an interval is coloured: green for a winning treatment, red for a winning baseline.
    enum Tone: String {
        case up, down, flat
    }

    /// A difference with its 95% interval on a scale from `-extent` to `+extent`: a zero line, the
    /// interval as a segment and the difference as a dot, coloured by `tone`.
    static func interval(lower: Double, difference: Double, upper: Double, extent: Double, tone: Tone, width: Int = 220) -> String {
        let scale = extent.isFinite && extent > 0 ? extent : 1
        func x(_ value: Double) -> String {
            let clamped = min(max(value.isFinite ? value : 0, -scale), scale)
            return number(Double(width) * (clamped + scale) / (2 * scale))
        }
        return svg(width: width, height: 18, title: "95% interval", body: """
        <line x1="\(width / 2)" y1="0" x2="\(width / 2)" y2="18" class="zero"/>\
        <line x1="\(x(lower))" y1="9" x2="\(x(upper))" y2="9" class="ci \(tone.rawValue)"/>\
        <circle cx="\(x(difference))" cy="9" r="4" class="point \(tone.rawValue)"/>
        """)
    }

    /// A column chart of daily counts with the first and last day and the largest count as labels.
    static func columns(_ days: [(label: String, count: Int)], width: Int = 640, height: Int = 140) -> String {
        let chartHeight = Double(height - 20), top = Double(days.map(\.count).max() ?? 0)
        let slot = Double(width - 40) / Double(max(days.count, 1))
        var body = "<text x=\"0\" y=\"12\" class=\"value\">\(days.map(\.count).max() ?? 0)</text>"
        for (index, day) in days.enumerated() {
            let columnHeight = chartHeight * fraction(Double(day.count), of: top)
            body += """
            <rect x="\(number(40 + slot * Double(index) + slot * 0.1))" y="\(number(chartHeight - columnHeight))" \
            width="\(number(max(slot * 0.8, 1)))" height="\(number(columnHeight))" class="bar"><title>\(HTMLText.escape(day.label)): \(day.count)</title></rect>
            """
        }
        if let first = days.first, let last = days.last {
            body += "<text x=\"40\" y=\"\(height - 4)\" class=\"label\">\(HTMLText.escape(first.label))</text>"
            body += "<text x=\"\(width)\" y=\"\(height - 4)\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(last.label))</text>"
        }
        return svg(width: width, height: height, title: "daily sends", body: body)
    }

    /// `value / total` clamped to 0…1; 0 when `total` is 0.
    static func fraction(_ value: Double, of total: Double) -> Double {
        guard total > 0, value.isFinite, total.isFinite else { return 0 }
        return min(max(value / total, 0), 1)
    }

    private static func svg(width: Int, height: Int, title: String, body: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(HTMLText.escape(title))">\(body)</svg>
        """
    }

    private static func number(_ value: Double) -> String { ReportText.fixed(value, 1) }
    private static func percent(_ value: Double) -> String { ReportText.fixed(value * 100, 1) + "%" }
}
