/// A two-sided two-proportion z-test of `treatment` against `baseline`.
///
/// The p-value uses the pooled standard error (the null hypothesis is equal rates); the 95%
/// interval of the difference uses the unpooled standard error.
public struct TwoProportionTest: Sendable, Equatable {
    /// Successes and trials of one option.
    public struct Sample: Sendable, Equatable {
        public var successes: Int
        public var trials: Int

        public init(successes: Int, trials: Int) {
            self.successes = successes
            self.trials = trials
        }

        /// successes / trials; nil without trials.
        public var rate: Double? { trials > 0 ? Double(successes) / Double(trials) : nil }
    }

    public var baseline: Sample
    public var treatment: Sample
    /// treatment rate − baseline rate.
    public var difference: Double
    /// The pooled z statistic; 0 when both rates are 0 or both are 1 (no variance).
    public var z: Double
    /// Two-sided p-value; 1 when `z` is 0.
    public var pValue: Double
    /// The 95% interval of `difference`, unpooled standard error.
    public var lower: Double
    public var upper: Double

    /// The test, or nil when an option has no trials or more successes than trials.
    public init?(baseline: Sample, treatment: Sample) {
        guard let p1 = baseline.rate, let p2 = treatment.rate,
              (0...baseline.trials).contains(baseline.successes),
              (0...treatment.trials).contains(treatment.successes)
        else { return nil }
        let n1 = Double(baseline.trials), n2 = Double(treatment.trials)
        let pooled = (Double(baseline.successes) + Double(treatment.successes)) / (n1 + n2)
        let pooledError = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        let unpooledError = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2).squareRoot()
        self.baseline = baseline
        self.treatment = treatment
        difference = p2 - p1
        z = pooledError > 0 ? difference / pooledError : 0
        pValue = NormalDistribution.twoSidedPValue(z)
        lower = difference - NormalDistribution.z975 * unpooledError
        upper = difference + NormalDistribution.z975 * unpooledError
    }

    /// The difference is significant at the 5% level.
    public var isSignificant: Bool { pValue < 0.05 }
}
