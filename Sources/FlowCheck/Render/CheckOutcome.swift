import FlowSyntax
/// What a `flowc check` found, counted by severity: the exit code and the summary line.
public struct CheckOutcome: Hashable, Sendable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int

    public init(diagnostics: [Diagnostic]) {
        errors = diagnostics.count { $0.severity == .error }
        warnings = diagnostics.count { $0.severity == .warning }
        infos = diagnostics.count { $0.severity == .info }
    }

    /// 0 when there are no errors (and, with `strict`, no warnings), else 1.
    public func exitCode(strict: Bool) -> Int32 {
        errors > 0 || (strict && warnings > 0) ? 1 : 0
    }

    /// `exitCode(strict:)` of the outcome of `diagnostics`.
    public static func exitCode(diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        CheckOutcome(diagnostics: diagnostics).exitCode(strict: strict)
    }

    /// The human summary, e.g. `2 errors, 1 warning`: the non-zero counts in severity order,
    /// nil when there is nothing to report. The CLI prints it to stderr after text output.
    public var summary: String? {
        let parts = [
            Self.count(errors, "error", "errors"),
            Self.count(warnings, "warning", "warnings"),
            Self.count(infos, "info", "info"),
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String) -> String? {
        number == 0 ? nil : "\(number) \(number == 1 ? singular : plural)"
    }
}
