import FlowSyntax
/// A JSON value whose objects keep their keys in the order they were written.
///
/// flowc writes JSON that people and tests read byte for byte (check output, run records),
/// so key order and escaping are decided here rather than left to a serializer.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A finite number; non-finite values are written as `null` (JSON has no NaN or infinity).
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Members in output order. Keys are not deduplicated: the writer emits what it is given.
    case object([JSONMember])

    /// An object from key-value pairs, dropping pairs whose value is nil (optional members).
    public static func object(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(members.compactMap { key, value in value.map { JSONMember(key, $0) } })
    }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// Serializes `JSONValue`s: compact (one line, no spaces), spaced (one line, `", "` and `": "`,
/// the shape the spec shows for `check --format json`) or pretty (two-space indent).
public enum JSONWriter {
    public enum Style: Sendable {
        /// `{"a":1,"b":[true,null]}`
        case compact
        /// `{"a": 1, "b": [true, null]}`
        case spaced
        /// Two-space indentation, `"key": value`, one member or element per line.
        case pretty
    }

    /// The JSON text of `value`, without a trailing newline.
    public static func write(_ value: JSONValue, style: Style = .compact) -> String {
        var output = ""
        write(value, style: style, depth: 0, into: &output)
        return output
    }

    /// `text` as a JSON string literal, quotes included: `"`, `\` and control characters escaped,
    /// everything else (non-ASCII included) kept as UTF-8.
    public static func quoted(_ text: String) -> String {
        var output = ""
        appendQuoted(text, to: &output)
        return output
    }

    private static func write(_ value: JSONValue, style: Style, depth: Int, into output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .int(let number):
            output += String(number)
        case .double(let number):
            output += number.isFinite ? "\(number)" : "null"
        case .string(let text):
            appendQuoted(text, to: &output)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", style: style, depth: depth, into: &output) {
                element, output in write(element, style: style, depth: depth + 1, into: &output)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", style: style, depth: depth, into: &output) {
                member, output in
                appendQuoted(member.key, to: &output)
                output += style == .compact ? ":" : ": "
                write(member.value, style: style, depth: depth + 1, into: &output)
            }
        }
    }

    private static func writeContainer<Item>(
        _ items: [Item], open: String, close: String, style: Style, depth: Int,
        into output: inout String, writeItem: (Item, inout String) -> Void
    ) {
        output += open
        guard !items.isEmpty else {
            output += close
            return
        }
        let innerIndent = style == .pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        for (index, item) in items.enumerated() {
            if index > 0 { output += style == .spaced ? ", " : "," }
            output += innerIndent
            writeItem(item, &output)
        }
        if style == .pretty { output += "\n" + String(repeating: "  ", count: depth) }
        output += close
    }

    public static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        // Fast path: most text needs no escaping and is appended whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16, uppercase: false)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
