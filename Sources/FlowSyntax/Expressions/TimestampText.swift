extension RFC3339 {
    /// The instant a string names when an expression compares or subtracts it as a time:
    /// an RFC 3339 timestamp, or a `YYYY-MM-DD` date read as midnight UTC.
    public static func parseTimestampOrDate(_ text: String) -> Int64? {
        parse(text) ?? CivilDate.parse(text).map { Int64($0.daysSinceEpoch) * DurationSyntax.day }
    }
}
