import Foundation
import Testing
@testable import FlowReport

@Suite("Two-proportion z-test")
struct StatsTwoProportionTests {
    /// (baseline successes, trials, treatment successes, trials)
    static let cases: [(Int, Int, Int, Int)] = [
        (10, 100, 20, 100),
        (120, 1000, 150, 1000),
        (45, 300, 38, 250),
        (0, 150, 3, 140),
        (500, 5000, 620, 5100),
        (7, 12, 2, 15),
    ]

    @Test("matches scipy to 1e-9", arguments: 0..<cases.count)
    func matchesScipy(_ index: Int) throws {
        let (x1, n1, x2, n2) = Self.cases[index]
        let test = try #require(TwoProportionTest(baseline: .init(successes: x1, trials: n1), treatment: .init(successes: x2, trials: n2)))
        let reference = try ScipyReference.twoProportion(x1, n1, x2, n2)
        #expect(abs(test.z - reference[0]) < 1e-9)
        #expect(abs(test.pValue - reference[1]) < 1e-9)
        #expect(abs(test.lower - reference[2]) < 1e-9)
        #expect(abs(test.upper - reference[3]) < 1e-9)
        #expect(abs(test.difference - (Double(x2) / Double(n2) - Double(x1) / Double(n1))) < 1e-15)
    }

    @Test("hand-computed case: 10/100 vs 20/100")
    func handComputed() throws {
        // pooled p = 30/200 = 0.15; se = sqrt(0.15·0.85·(2/100)) = sqrt(0.00255) = 0.0504975…
        // z = 0.10 / 0.0504975 = 1.98030…; p = erfc(1.98030/√2) ≈ 0.04767
        // unpooled se = sqrt(0.09/100 + 0.16/100) = 0.05; interval 0.1 ± 1.959964·0.05
        let test = try #require(TwoProportionTest(baseline: .init(successes: 10, trials: 100), treatment: .init(successes: 20, trials: 100)))
        #expect(abs(test.z - 1.98029508595335) < 1e-9)
        #expect(abs(test.pValue - 0.04767) < 1e-5)
        #expect(abs(test.lower - 0.00200180077299) < 1e-9)
        #expect(abs(test.upper - 0.19799819922701) < 1e-9)
        #expect(test.isSignificant)
    }

    @Test("no variance gives z 0 and p 1; no trials gives no test")
    func degenerate() {
        let none = TwoProportionTest(baseline: .init(successes: 0, trials: 200), treatment: .init(successes: 0, trials: 200))
        #expect(none?.z == 0)
        #expect(none?.pValue == 1)
        #expect(none?.lower == 0 && none?.upper == 0)
        #expect(TwoProportionTest(baseline: .init(successes: 0, trials: 0), treatment: .init(successes: 1, trials: 5)) == nil)
        #expect(TwoProportionTest(baseline: .init(successes: 6, trials: 5), treatment: .init(successes: 1, trials: 5)) == nil)
    }

    @Test("verdicts: not enough data below 100 per option, else winner or no difference")
    func verdicts() {
        func verdict(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> Comparison.Verdict {
            Comparison(metric: "open_rate", baseline: "a", treatment: "b",
                       baselineSample: .init(successes: x1, trials: n1), treatmentSample: .init(successes: x2, trials: n2)).verdict
        }
        #expect(verdict(1, 99, 90, 100) == .notEnoughData)
        #expect(verdict(10, 100, 20, 100) == .treatmentWins)
        #expect(verdict(20, 100, 10, 100) == .baselineWins)
        #expect(verdict(10, 100, 12, 100) == .noSignificantDifference)
    }
}

/// Runs scipy in a `python3` subprocess: the reference the z-test is checked against.
enum ScipyReference {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// [z, two-sided p, lower, upper] of the difference treatment − baseline.
    static func twoProportion(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) throws -> [Double] {
        let script = """
        from scipy.stats import norm
        from math import sqrt
        x1, n1, x2, n2 = \(x1), \(n1), \(x2), \(n2)
        p1, p2 = x1 / n1, x2 / n2
        p = (x1 + x2) / (n1 + n2)
        z = (p2 - p1) / sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
        pv = 2 * norm.sf(abs(z))
        se = sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
        q = norm.ppf(0.975)
        print(*(repr(float(v)) for v in (z, pv, p2 - p1 - q * se, p2 - p1 + q * se)))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let numbers = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard process.terminationStatus == 0, numbers.count == 4 else {
            throw Failure(description: "python3 with scipy failed (status \(process.terminationStatus)): \(String(decoding: data, as: UTF8.self))")
        }
        return numbers
    }
}
