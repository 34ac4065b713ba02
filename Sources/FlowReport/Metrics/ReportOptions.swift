import FlowSyntax

/// How `ReportBuilder` attributes conversions.
public struct ReportOptions: Sendable {
    /// The default attribution window: 5 days.
    public static let defaultAttributionWindow: Int64 = 5 * 86_400_000

    /// A goal event counts for the latest message at most this long before it (milliseconds).
    public var attributionWindow: Int64
    /// The property path holding a conversion's revenue, e.g. `["order", "total"]`; nil: the first
    /// number of `revenue`, `total` and `value`.
    public var revenuePath: [String]?

    public init(attributionWindow: Int64 = defaultAttributionWindow, revenuePath: [String]? = nil) {
        self.attributionWindow = attributionWindow
        self.revenuePath = revenuePath
    }

    /// A revenue path from its text: dot-separated names under `properties` (a leading
    /// `properties.` is allowed). Nil when a name is empty.
    public static func revenuePath(_ text: String) -> [String]? {
        var names = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if names.count > 1, names.first == "properties" { names.removeFirst() }
        return names.contains(where: \.isEmpty) ? nil : names
    }

    /// The revenue of a goal event with these properties; 0 when the property is missing or not a number.
    func revenue(of properties: PackedObject) -> Double {
        if let revenuePath {
            guard let first = revenuePath.first, var value = properties[first] else { return 0 }
            for name in revenuePath.dropFirst() { value = value[name] }
            return Self.amount(value) ?? 0
        }
        for name in ["revenue", "total", "value"] {
            if let value = properties[name], let amount = Self.amount(value) { return amount }
        }
        return 0
    }

    /// A finite number, or a string holding one.
    private static func amount(_ value: Value) -> Double? {
        let number: Double? = switch value {
        case .number(let number): number.double
        case .string(let text): Double(text)
        default: nil
        }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }
}
