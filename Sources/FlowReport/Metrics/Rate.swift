/// A rate that says what it is a rate of: `numerator / denominator`, with the denominator named.
public struct Rate: Sendable, Equatable {
    public var numerator: Int
    public var denominator: Int
    /// What the denominator counts, e.g. `sent` or `opens`.
    public var of: String

    public init(_ numerator: Int, _ denominator: Int, of: String) {
        self.numerator = numerator
        self.denominator = denominator
        self.of = of
    }

    /// numerator / denominator; nil when the denominator is 0.
    public var value: Double? { denominator > 0 ? Double(numerator) / Double(denominator) : nil }
}
