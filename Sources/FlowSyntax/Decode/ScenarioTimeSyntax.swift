/// The times of scenario files: an RFC 3339 instant (`2026-03-02T10:00:00Z`), or an offset from
/// the scenario's start (`+0`, `+45m`, `+1d2h`), optionally followed by a local time of day
/// (`+2d 09:00`: the start's local date plus two days, at 09:00 in the contact's timezone).
public enum ScenarioTimeSyntax {
    /// Why a text is not a scenario time, for the diagnostic's help.
    public enum Problem: Error, Equatable {
        case unreadable
        /// `+1d2h 09:00`: with a time of day, the offset must be whole days.
        case partialDaysWithTimeOfDay
        /// An offset beyond `maximumOffset`.
        case tooFar
    }

    /// The largest offset from the start: 100 years of 365 days, far beyond any flow (FC209
    /// warns at 400 days) and far from the limits of replay arithmetic.
    public static let maximumOffset = 36_500 * DurationSyntax.day

    /// The time `text` denotes, or why it is not one.
    public static func parse(_ text: String) -> Result<ScenarioTime.Kind, Problem> {
        guard let sign = text.first, sign == "+" || sign == "-" else {
            return RFC3339.parse(text).map { .success(.absolute($0)) } ?? .failure(.unreadable)
        }
        let parts = text.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let magnitude = offset(String(parts[0])) else {
            return .failure(.unreadable)
        }
        guard magnitude <= maximumOffset else { return .failure(.tooFar) }
        let offset = sign == "-" ? -magnitude : magnitude
        guard parts.count == 2 else { return .success(.relative(offset: offset, at: nil)) }
        guard let time = TimeOfDay.parse(String(parts[1])) else { return .failure(.unreadable) }
        guard offset % DurationSyntax.day == 0 else { return .failure(.partialDaysWithTimeOfDay) }
        return .success(.relative(offset: offset, at: time))
    }

    /// A duration, or `0` for no offset.
    private static func offset(_ text: String) -> Int64? {
        text == "0" ? 0 : DurationSyntax.parse(text)
    }
}
