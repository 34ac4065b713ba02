import FlowRuntime
import FlowSyntax

/// A header template made only of text, `{{name.path}}` variables and inverted sections around
/// text (`{{^name}}text{{/name}}`), on one line: rendered by concatenation, without swift-mustache,
/// to the same text the `CompiledText` of the same source gives with `TemplateRenderer`'s names
/// and header rules (data line breaks collapsed). Anything else is not a plain template.
struct PlainHeaderTemplate: Sendable {
    private enum Part: Sendable {
        case text(String)
        case variable([String])
        /// `{{^name}}text{{/name}}`: the text when the name is falsy.
        case inverted([String], text: String)
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
                parts.append(.inverted(name, text: body))
            } else {
                guard let name = Self.name(tag[...]) else { return nil }
                parts.append(.variable(name))
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

    /// The rendered header text (before `TextFilters.headerLine`); nil when a name reaches into a
    /// value that is not an object, which only swift-mustache knows how to treat.
    func render(_ send: PlannedSend) -> String? {
        // Gathered as bytes and made into a string once: appending to a `String` piece by piece
        // cost several times as much.
        var out: [UInt8] = []
        out.reserveCapacity(128)
        for part in parts {
            switch part {
            case .text(let text):
                out += text.utf8
            case .variable(let name):
                guard let found = SendNames.resolve(name, for: send) else { return nil }
                out += found.text.utf8
            case .inverted(let name, let text):
                guard let found = SendNames.resolve(name, for: send) else { return nil }
                if !found.isTruthy { out += text.utf8 }
            }
        }
        return String(decoding: out, as: UTF8.self)
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

/// The names a header sees for one send (the same as `TemplateRenderer`'s root, without
/// `unsubscribe_url`). The send is passed to each look-up, not kept: keeping it would copy it,
/// retaining every part, once per rendered subject.
private enum SendNames {
    enum Found {
        case value(Value)
        case missing
        /// `contact`, `trigger`, `flow`, `step`, `message`.
        case object(Root)

        enum Root { case contact, trigger, id(String) }

        /// The text a variable renders: a number as written, a timestamp as RFC 3339, a duration in
        /// compact form, a list as its items joined by `, `, objects, null and missing as nothing.
        var text: String {
            switch self {
            case .value(let value): Self.text(value)
            case .missing, .object: ""
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
            case .value, .object: true
            }
        }
    }

    /// What `name` names; nil when it goes on past a value that is not an object.
    static func resolve(_ name: [String], for send: PlannedSend) -> Found? {
        var found = root(name[0], of: send)
        for member in name.dropFirst() {
            switch found {
            case .missing: return .missing
            case .object(let root): found = child(member, of: root, in: send)
            case .value(.object(let object)): found = object[member].map(Found.value) ?? .missing
            case .value: return nil
            }
        }
        return found
    }

    private static func root(_ name: String, of send: PlannedSend) -> Found {
        switch name {
        case "contact": .object(.contact)
        case "trigger": .object(.trigger)
        case "flow": .object(.id(send.flow))
        case "step": .object(.id(send.step))
        case "message": .object(.id(send.id))
        default: .missing
        }
    }

    private static func child(_ name: String, of root: Found.Root, in send: PlannedSend) -> Found {
        switch (root, name) {
        case (.contact, "id"): .value(.string(send.contact))
        case (.contact, "email") where send.traits["email"] == nil: .value(.string(send.to))
        case (.contact, _): send.traits[name].map(Found.value) ?? .missing
        case (.trigger, "event"): .value(.string(send.trigger.name))
        case (.trigger, "timestamp"): .value(.timestamp(send.trigger.timestamp))
        case (.trigger, "properties"): .value(.object(send.trigger.properties))
        case (.trigger, _): .missing
        case (.id(let id), "id"): .value(.string(id))
        case (.id, _): .missing
        }
    }
}
