import FlowSyntax
@testable import FlowRuntime

/// A zone of the system tz database (each test resolves its own: `ZoneCache` is not shared
/// between threads).
func zone(_ name: String) -> Zone {
    guard let zone = ZoneCache().zone(named: name) else {
        fatalError("test zone \(name) is missing: install the tzdata package")
    }
    return zone
}

/// Milliseconds since the epoch of an RFC 3339 timestamp written in a test.
func instant(_ text: String) -> Int64 {
    guard let value = RFC3339.parse(text) else { fatalError("bad timestamp in test: \(text)") }
    return value
}

func date(_ text: String) -> CivilDate {
    guard let value = CivilDate.parse(text) else { fatalError("bad date in test: \(text)") }
    return value
}

func time(_ text: String) -> TimeOfDay {
    guard let value = TimeOfDay.parse(text) else { fatalError("bad time in test: \(text)") }
    return value
}
