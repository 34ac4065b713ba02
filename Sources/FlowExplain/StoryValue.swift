import FlowSyntax

/// Values as the story writes them: JSON notation, with timestamps in RFC 3339 and durations
/// as written in flows, both as strings.
enum StoryValue {
    /// The JSON text of `value`.
    static func text(_ value: Value) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    /// `text` quoted as a JSON string.
    static func text(_ string: String) -> String {
        var out = ""
        appendQuoted(string, to: &out)
        return out
    }

    static func append(_ value: Value, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += number.text
        case .string(let string): appendQuoted(string, to: &out)
        case .timestamp(let milliseconds): appendQuoted(RFC3339.format(milliseconds), to: &out)
        case .duration(let milliseconds): appendQuoted(DurationSyntax.format(milliseconds), to: &out)
        case .list(let items):
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += ", " }
                append(item, to: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (position, member) in object.orderedMembers.enumerated() {
                if position > 0 { out += ", " }
                appendQuoted(member.key, to: &out)
                out += ": "
                append(member.value, to: &out)
            }
            out += "}"
        }
    }

    static func appendQuoted(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
