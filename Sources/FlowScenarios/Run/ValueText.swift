import FlowSyntax

/// Values as scenario output shows them: YAML-like scalars, `(absent)` for a missing trait.
enum ValueText {
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: "(absent)"
        case .bool(let bool): String(bool)
        case .number(let number): number.text
        case .string(let string): "\"\(string)\""
        case .timestamp(let instant): RFC3339.format(instant)
        case .duration(let milliseconds): DurationSyntax.format(milliseconds)
        case .list(let values): "[" + values.map(describe).joined(separator: ", ") + "]"
        case .object(let object): "{" + object.orderedMembers.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
