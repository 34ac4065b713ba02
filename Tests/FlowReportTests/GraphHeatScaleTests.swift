import FlowReport
import Testing

/// `HeatScale.level`: zero volume is level 0, otherwise the quarter of the maximum, rounded up.
@Suite struct GraphHeatScaleTests {
    @Test(arguments: [(0, 8, 0), (1, 8, 1), (2, 8, 1), (3, 8, 2), (6, 8, 3), (7, 8, 4), (8, 8, 4), (5, 0, 0), (9, 8, 4)])
    func levelIsTheQuarterOfTheMaximum(volume: Int, maximum: Int, level: Int) {
        #expect(HeatScale.level(volume, maximum: maximum) == level)
    }

    @Test func colorClampsOutOfRangeLevels() {
        #expect(HeatScale.color(-1) == HeatScale.colors[0])
        #expect(HeatScale.color(99) == HeatScale.colors[4])
    }
}
