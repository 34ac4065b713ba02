import FlowRuntime
import FlowSyntax

/// A header template made only of text, `{{name.path}}` variables and inverted sections around
/// text (`{{^name}}text{{/name}}`), on one line: rendered by concatenation, without swift-mustache,
/// to the same text the `CompiledText` of the same source gives with `TemplateRenderer`'s names
/// and header rules (data line breaks collapsed). Anything else is not a plain template.
struct PlainHeaderTemplate: Sendable {
    private enum Part: Sendable {
        case text(String)
        case variable(SendName)
        /// `{{^name}}text{{/name}}`: the text when the name is falsy.
        case inverted(SendName, text: String)
    }

    private let parts: [Part]

    /// The plain form of `source`; nil when it uses anything else (sections, partials, comments,
    /// unescaped or `.`-relative names, transforms, line breaks, `unsubscribe_url`...).
    init?(_ source: String) {
        guard !source.contains(where: \.isNewline), !source.contains("unsubscribe_url") else { return nil }
        var parts: [Part] = []
        // swift-mustache drops the blanks that start a line when nothing else follows them.
        guard !source.allSatisfy(Self.isBlank) else {
            self.parts = parts
            return
        }
        var scanner = TagScanner(Array(source))
        while let (text, tag) = scanner.next() {
            if !text.isEmpty { parts.append(.text(text)) }
            guard let tag else { break }
            if tag.first == "^" {
                guard let name = Self.name(tag.dropFirst()), let (body, close) = scanner.next(),
                      let close, close.first == "/", Self.name(close.dropFirst()) == name
                else { return nil }
                parts.append(.inverted(SendName(name), text: body))
            } else {
                guard let name = Self.name(tag[...]) else { return nil }
                parts.append(.variable(SendName(name)))
            }
        }
        self.parts = parts
    }

    /// A dotted name of letters, digits, `_` and `-` between optional spaces; nil for anything else.
    private static func name(_ tag: Substring) -> [String]? {
        let trimmed = tag.drop(while: Self.isBlank).reversed().drop(while: Self.isBlank).reversed()
        let segments = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isNameCharacter) }) else { return nil }
        return segments.map { String($0) }
    }

    private static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }

    /// The rendered header text; nil when a name reaches into a value that is not an object,
    /// which only swift-mustache knows how to treat. It holds no CR or LF (the source has no line
    /// breaks and data has its runs of them collapsed), so `TextFilters.headerLine` keeps it as it is.
    func render(_ send: PlannedSend) -> String? {
        var text = HeaderBytes()
        guard write(send, to: &text) else { return nil }
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Writes the rendered text to `output` piece by piece; false (with part of it written) when
    /// `render` gives nil.
    func write<Output: HeaderTextOutput & ~Copyable>(_ send: PlannedSend, to output: inout Output) -> Bool {
        for part in parts {
            switch part {
            case .text(let text):
                output.appendText(text)
            case .variable(let name):
                guard let found = name.resolve(for: send) else { return false }
                output.appendText(found.text)
            case .inverted(let name, let text):
                guard let found = name.resolve(for: send) else { return false }
                if !found.isTruthy { output.appendText(text) }
            }
        }
        return true
    }
}

/// Where a plain header template's pieces of text go.
protocol HeaderTextOutput: ~Copyable {
    mutating func appendText(_ text: String)
}

/// A header's text gathered as bytes, made into a string once: appending to a `String` piece by
/// piece cost several times as much.
private struct HeaderBytes: HeaderTextOutput {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(128)
    }

    mutating func appendText(_ text: String) {
        bytes += text.utf8
    }
}

/// A header written straight into a `--json` line, as the inside of a JSON string.
extension ByteBuffer: HeaderTextOutput {
    mutating func appendText(_ text: String) {
        appendJSONEscaped(text)
    }
}

/// Splits a template into (text, tag) pairs: the text up to `{{`, then the tag's inside up to `}}`
/// (nil after the last text). Unterminated tags end the scan with a tag that is not a valid name.
private struct TagScanner {
    private let characters: [Character]
    private var position = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    mutating func next() -> (text: String, tag: Substring?)? {
        guard position < characters.count else { return nil }
        let textStart = position
        while position < characters.count {
            if characters[position] == "{", position + 1 < characters.count, characters[position + 1] == "{" {
                let text = String(characters[textStart..<position])
                let tagStart = position + 2
                var end = tagStart
                while end + 1 < characters.count, !(characters[end] == "}" && characters[end + 1] == "}") { end += 1 }
                guard end + 1 < characters.count else {
                    position = characters.count
                    return (text, "{")
                }
                position = end + 2
                return (text, Substring(String(characters[tagStart..<end])))
            }
            position += 1
        }
        return (String(characters[textStart...]), nil)
    }
}

/// A dotted name of a header template, as a header sees it for a send (the same names as
/// `TemplateRenderer`'s root, without `unsubscribe_url`). What its first two segments name is
/// decided when the template is compiled; the send is passed to each look-up, not kept: keeping
/// it would copy it, retaining every part, once per rendered subject.
private struct SendName {
    /// What the first segments name.
    private enum Head {
        /// Not a name of the root: missing, whatever follows.
        case missing
        /// `contact`, `trigger`, `flow`, `step` or `message` alone: an object, rendered as nothing.
        case object
        case contactID
        case trait(String)
        case triggerEvent
        case triggerTimestamp
        case triggerProperties
        /// `trigger.properties.NAME`: read from the packed properties without unpacking them.
        case triggerProperty(String)
        case flowID
        case stepID
        case messageID
    }

    private let head: Head
    /// The members looked up in the head's value, in order.
    private let rest: [String]

    init(_ segments: [String]) {
        let roots: Set = ["contact", "trigger", "flow", "step", "message"]
        guard roots.contains(segments[0]) else {
            (head, rest) = (.missing, [])
            return
        }
        guard segments.count > 1 else {
            (head, rest) = (.object, [])
            return
        }
        if segments.count > 2, segments[0] == "trigger", segments[1] == "properties" {
            (head, rest) = (.triggerProperty(segments[2]), Array(segments.dropFirst(3)))
            return
        }
        rest = Array(segments.dropFirst(2))
        head = switch (segments[0], segments[1]) {
        case ("contact", "id"): .contactID
        case ("contact", let name): .trait(name)
        case ("trigger", "event"): .triggerEvent
        case ("trigger", "timestamp"): .triggerTimestamp
        case ("trigger", "properties"): .triggerProperties
        case ("flow", "id"): .flowID
        case ("step", "id"): .stepID
        case ("message", "id"): .messageID
        default: .missing
        }
    }

    /// What the name names for `send`; nil when it goes on past a value that is not an object.
    func resolve(for send: PlannedSend) -> Found? {
        var found = first(of: send)
        for member in rest {
            switch found {
            case .missing: return .missing
            case .value(.object(let object)): found = object[member].map(Found.value) ?? .missing
            case .value: return nil
            }
        }
        return found
    }

    private func first(of send: PlannedSend) -> Found {
        switch head {
        case .missing: .missing
        case .object: .value(.object(Value.Object()))
        case .contactID: .value(.string(send.contact))
        case .trait(let name): send.packedTraits[name].map(Found.value) ?? .missing
        case .triggerEvent: .value(.string(send.trigger.name))
        case .triggerTimestamp: .value(.timestamp(send.trigger.timestamp))
        case .triggerProperties: .value(.object(send.trigger.properties.object))
        case .triggerProperty(let name): send.trigger.properties[name].map(Found.value) ?? .missing
        case .flowID: .value(.string(send.flow))
        case .stepID: .value(.string(send.step))
        case .messageID: .value(.string(send.id))
        }
    }

    enum Found {
        case value(Value)
        case missing

        /// The text a variable renders: a number as written, a timestamp as RFC 3339, a duration in
        /// compact form, a list as its items joined by `, `, objects, null and missing as nothing.
        var text: String {
            switch self {
            case .value(let value): Self.text(value)
            case .missing: ""
            }
        }

        private static func text(_ value: Value) -> String {
            switch value {
            case .null, .object: ""
            case .bool(let bool): bool ? "true" : "false"
            case .number(let number): TextFilters.collapsingLineBreaks(number.text)
            case .string(let string): TextFilters.collapsingLineBreaks(string)
            case .timestamp(let milliseconds): TextFilters.collapsingLineBreaks(RFC3339.format(milliseconds))
            case .duration(let milliseconds): TextFilters.collapsingLineBreaks(DurationSyntax.format(milliseconds))
            case .list(let items): items.map(text).joined(separator: ", ")
            }
        }

        /// Falsy: null, missing, the empty string, `false` and the empty list.
        var isTruthy: Bool {
            switch self {
            case .missing, .value(.null), .value(.bool(false)): false
            case .value(.string(let string)): !string.isEmpty
            case .value(.list(let items)): !items.isEmpty
            case .value: true
            }
        }
    }
}
