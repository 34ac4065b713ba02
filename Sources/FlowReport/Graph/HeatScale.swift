/// The shades of a heat map: level 0 for a node nothing reached, levels 1 to 4 for quarters of
/// the busiest node's volume, light to dark.
public enum HeatScale {
    /// Fill colours by level (ColorBrewer YlOrRd), light enough for black text.
    public static let colors = ["#f7f7f7", "#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20"]

    /// The level of `volume` against the busiest node's `maximum`: 0 for none, else the
    /// quarter of the maximum it falls in, rounded up.
    public static func level(_ volume: Int, maximum: Int) -> Int {
        guard volume > 0, maximum > 0 else { return 0 }
        let share = Double(volume) / Double(maximum)
        return min(colors.count - 1, max(1, Int((share * Double(colors.count - 1)).rounded(.up))))
    }

    /// The fill colour of `level`, clamped to the scale.
    public static func color(_ level: Int) -> String {
        colors[min(max(level, 0), colors.count - 1)]
    }
}
