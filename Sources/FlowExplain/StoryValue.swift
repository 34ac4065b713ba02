import FlowCheck
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
        JSONWriter.quoted(string)
    }

    static func append(_ value: Value, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += number.text
        case .string(let string): JSONWriter.appendQuoted(string, to: &out)
        case .timestamp(let milliseconds): JSONWriter.appendQuoted(RFC3339.format(milliseconds), to: &out)
        case .duration(let milliseconds): JSONWriter.appendQuoted(DurationSyntax.format(milliseconds), to: &out)
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
                JSONWriter.appendQuoted(member.key, to: &out)
                out += ": "
                append(member.value, to: &out)
            }
            out += "}"
        }
    }
}
