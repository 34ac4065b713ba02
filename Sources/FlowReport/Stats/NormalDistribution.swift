#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution, as far as the two-proportion test needs it.
public enum NormalDistribution {
    /// The 0.975 quantile: a two-sided 95% interval is the estimate ± this many standard errors.
    public static let z975 = 1.959963984540054

    /// P(|Z| ≥ |z|) for a standard normal Z: `erfc(|z| / √2)`, accurate far into the tails.
    public static func twoSidedPValue(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }
}
