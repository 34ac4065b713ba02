/// One option compared with a baseline option on one rate, with a plain verdict.
public struct Comparison: Sendable, Equatable {
    /// What a comparison concludes.
    public enum Verdict: String, Sendable {
        /// Fewer than `Comparison.minimumRecipients` recipients in one of the two options.
        case notEnoughData = "not_enough_data"
        /// The treatment's rate is higher, p < 0.05.
        case treatmentWins = "treatment_wins"
        /// The baseline's rate is higher, p < 0.05.
        case baselineWins = "baseline_wins"
        /// Enough data, but p ≥ 0.05.
        case noSignificantDifference = "no_significant_difference"
    }

    /// Below this many recipients per option no winner is declared.
    public static let minimumRecipients = 100

    /// `open_rate`, `click_rate` or `conversion_rate`.
    public var metric: String
    public var baseline: String
    public var treatment: String
    /// Nil when an option has no recipients.
    public var test: TwoProportionTest?
    public var verdict: Verdict

    public init(metric: String, baseline: String, treatment: String,
                baselineSample: TwoProportionTest.Sample, treatmentSample: TwoProportionTest.Sample) {
        self.metric = metric
        self.baseline = baseline
        self.treatment = treatment
        test = TwoProportionTest(baseline: baselineSample, treatment: treatmentSample)
        if min(baselineSample.trials, treatmentSample.trials) < Self.minimumRecipients {
            verdict = .notEnoughData
        } else if let test, test.isSignificant {
            verdict = test.difference > 0 ? .treatmentWins : .baselineWins
        } else {
            verdict = .noSignificantDifference
        }
    }

    /// The verdict in words, naming the options.
    public var sentence: String {
        switch verdict {
        case .notEnoughData: "not enough data (fewer than \(Self.minimumRecipients) recipients per option)"
        case .treatmentWins: "\(treatment) wins over \(baseline)"
        case .baselineWins: "\(baseline) wins over \(treatment)"
        case .noSignificantDifference: "no significant difference"
        }
    }
}
