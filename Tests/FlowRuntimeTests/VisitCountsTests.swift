@testable import FlowRuntime
import TestSupport
import Testing

/// Visit counts kept inline for the first eight steps and in an array after them agree with a
/// plain count per step.
@Suite struct VisitCountsTests {
    @Test func countsLikeAnArrayPerStep() {
        var random = SeededGenerator(seed: 5)
        var counts = VisitCounts()
        var expected = Array(repeating: Int32(0), count: 30)
        for _ in 0..<2000 {
            let position = random.index(below: 30)
            counts.increment(position)
            expected[position] += 1
            let probe = random.index(below: 40) // past the last step counted so far too
            #expect(counts[probe] == (probe < expected.count ? expected[probe] : 0), "step \(probe)")
        }
        #expect((0..<30).map { counts[$0] } == expected)
    }
}
