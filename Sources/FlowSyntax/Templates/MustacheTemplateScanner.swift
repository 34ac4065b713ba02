/// A mirror of swift-mustache 2.1's parser (`MustacheTemplate.parse`) that records tags with
/// their positions instead of building tokens. It works on `Character`s as swift-mustache does,
/// and reproduces each of its error conditions:
/// - a tag without its closing delimiter, or with anything but a name inside;
/// - fewer characters left than the opening delimiter after its first character (`…{` at the end);
/// - `{{/x}}` that does not close the innermost open section, or a section left open;
/// - a malformed transform call `a(b`, a transform on a `{{$block}}`;
/// - inside `{{<parent}}`, any tag producing output other than `{{$block}}` definitions;
/// - a malformed `{{=… …=}}` and any pragma but `CONTENT_TYPE` with `HTML` or `TEXT`.
/// Whitespace and standalone-line handling is left out: it never causes an error.
struct MustacheTemplateScanner {
    typealias Reference = TemplateReferences.Reference

    private struct Failure: Error {
        var message: String
        var range: Range<Int>
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var sectionTag: Range<Int> = 0..<0
        var isPartialDefinitionTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]

        func entering(section name: String, transforms: [String], tag: Range<Int>) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.sectionTag = tag
            state.isPartialDefinitionTopLevel = false
            return state
        }
    }

    /// What a tag contributes to its section, for the check inside `{{<parent}}`.
    private enum Output {
        case nothing
        case blockDefinition
        case content(Range<Int>)
    }

    private let characters: [Character]
    /// `scalarOffsets[i]`: Unicode-scalar offset of character `i`; one extra entry for the end.
    private let scalarOffsets: [Int]
    private var position = 0
    private var references: [Reference] = []

    init(_ text: String) {
        characters = Array(text)
        var offsets: [Int] = []
        offsets.reserveCapacity(characters.count + 1)
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.unicodeScalars.count
        }
        offsets.append(offset)
        scalarOffsets = offsets
    }

    mutating func scan() -> TemplateReferences.Scan {
        do {
            _ = try parseSection(State())
            return .init(references: references, error: nil)
        } catch {
            let range = scalarOffsets[error.range.lowerBound]..<scalarOffsets[error.range.upperBound]
            return .init(references: references, error: .init(message: error.message, range: range))
        }
    }

    // MARK: Sections and tags

    private mutating func parseSection(_ initial: State) throws(Failure) -> [Output] {
        var state = initial
        var outputs: [Output] = []
        while position < characters.count {
            try skipText(state)
            if let current, current.isNewline {
                position += 1
                continue
            }
            guard position < characters.count else { break }
            let tagStart = position - state.start.count
            let sigil = characters[position]
            switch sigil {
            case "#", "^":
                position += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                let tag = record(sigil == "#" ? .section : .inverted, name, transforms, from: tagStart)
                _ = try parseSection(state.entering(section: name, transforms: transforms, tag: tag))
                outputs.append(.content(tag))
            case "/":
                position += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                let tag = record(.end, name, transforms, from: tagStart)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw Failure(message: Self.unexpectedEnd(name, transforms, open: state), range: tag)
                }
                return outputs
            case "!":
                position += 1
                try skipComment(state, tagStart: tagStart)
                record(.comment, "", [], from: tagStart)
            case "{", "&":
                position += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                if sigil == "{" {
                    guard read(["}"]) else { throw unclosedTag(tagStart, state, closing: "}" + String(state.end)) }
                }
                outputs.append(.content(record(.unescaped, name, transforms, from: tagStart)))
            case ">":
                position += 1
                skipWhitespace()
                let dynamic = current == "*"
                if dynamic { position += 1 }
                let name = try parsePartialName(state, tagStart: tagStart)
                outputs.append(.content(record(.partial, dynamic ? "*" + name : name, [], from: tagStart)))
            case "<":
                position += 1
                skipWhitespace()
                let name = try parsePartialName(state, tagStart: tagStart)
                let tag = record(.parent, name, [], from: tagStart)
                var inner = state.entering(section: name, transforms: [], tag: tag)
                inner.isPartialDefinitionTopLevel = true
                for case .content(let range) in try parseSection(inner) {
                    throw Failure(message: "only `{{$block}}` definitions may appear directly inside `{{<\(name)}}`", range: range)
                }
                outputs.append(.content(tag))
            case "$":
                position += 1
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                guard transforms.isEmpty else {
                    throw Failure(message: "the block `\(name)` cannot take a transform", range: tagStart..<position)
                }
                let tag = record(.block, name, [], from: tagStart)
                _ = try parseSection(state.entering(section: name, transforms: [], tag: tag))
                outputs.append(state.isPartialDefinitionTopLevel ? .blockDefinition : .content(tag))
            case "=":
                position += 1
                try setDelimiters(&state, tagStart: tagStart)
                record(.setDelimiter, "", [], from: tagStart)
            case "%":
                position += 1
                try parsePragma(state, tagStart: tagStart)
                outputs.append(.content(record(.pragma, "", [], from: tagStart)))
            default:
                let (name, transforms) = try parseName(state, tagStart: tagStart)
                outputs.append(.content(record(.variable, name, transforms, from: tagStart)))
            }
        }
        if let name = state.sectionName {
            throw Failure(message: "`\(name)` is opened here but never closed; add `{{/\(name)}}`", range: state.sectionTag)
        }
        return outputs
    }

    /// Skips text up to the next opening delimiter (leaving `position` after it), a line break, or the end.
    private mutating func skipText(_ state: State) throws(Failure) {
        guard let first = state.start.first else { return }
        while position < characters.count {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { return }
            if character == first {
                guard characters.count - position >= state.start.count else {
                    throw Failure(message: "the template ends with `\(character)`, the start of an incomplete `\(String(state.start))` tag; complete or remove it",
                                  range: position..<characters.count)
                }
                if read(state.start) { return }
            }
            position += 1
        }
    }

    @discardableResult
    private mutating func record(_ kind: Reference.Kind, _ name: String, _ transforms: [String], from tagStart: Int) -> Range<Int> {
        let range = tagStart..<position
        references.append(Reference(kind: kind, name: name, transforms: transforms,
                                    range: scalarOffsets[range.lowerBound]..<scalarOffsets[range.upperBound]))
        return range
    }

    // MARK: Names

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// `name` or `transform(…(name))` followed by the closing delimiter.
    private mutating func parseName(_ state: State, tagStart: Int) throws(Failure) -> (String, [String]) {
        let text = try readName(Self.nameCharacters, state, tagStart: tagStart)
        guard let call = Self.transformCall(text) else {
            throw Failure(message: "`\(text)` is not a valid name or transform call like `uppercased(name)`", range: tagStart..<position)
        }
        return call
    }

    private mutating func parsePartialName(_ state: State, tagStart: Int) throws(Failure) -> String {
        try readName(Self.partialNameCharacters, state, tagStart: tagStart)
    }

    private mutating func readName(_ allowed: Set<Character>, _ state: State, tagStart: Int) throws(Failure) -> String {
        skipWhitespace()
        let start = position
        while let current, allowed.contains(current) { position += 1 }
        let name = String(characters[start..<position])
        skipWhitespace()
        guard read(state.end) else { throw unclosedTag(tagStart, state, closing: String(state.end)) }
        return name
    }

    /// Splits `a(b(c))` into `("c", ["a", "b"])` as swift-mustache does; nil when malformed.
    private static func transformCall(_ text: String) -> (String, [String])? {
        let characters = Array(text)
        var index = 0
        func readPlainName() -> String {
            let start = index
            while index < characters.count, nameCharactersWithoutBrackets.contains(characters[index]) { index += 1 }
            return String(characters[start..<index])
        }
        var transforms = [readPlainName()]
        if index == characters.count { return (transforms[0], []) }
        guard characters[index] == "(" else { return nil }
        index += 1
        while true {
            let name = readPlainName()
            guard index < characters.count else { return nil }
            if characters[index] == ")" {
                index += 1
                var closing = 0
                while index < characters.count, characters[index] == ")" { closing += 1; index += 1 }
                guard closing + 1 == transforms.count, index == characters.count else { return nil }
                return (name, transforms)
            }
            guard characters[index] == "(" else { return nil }
            index += 1
            transforms.append(name)
        }
    }

    // MARK: Comments, delimiters, pragmas

    /// Skips to just after the closing delimiter, matching it the way swift-mustache does (a
    /// partial match is abandoned without re-checking the character that broke it).
    private mutating func skipComment(_ state: State, tagStart: Int) throws(Failure) {
        var matched = 0
        while position < characters.count {
            if characters[position] == state.end[matched] {
                matched += 1
                if matched == state.end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw Failure(message: "comment is not closed with `\(String(state.end))`", range: tagStart..<position)
    }

    private mutating func setDelimiters(_ state: inout State, tagStart: Int) throws(Failure) {
        let invalid = Failure(message: "invalid set-delimiter tag; write it like `\(String(state.start))=<% %>=\(String(state.end))`",
                              range: tagStart..<min(position + 1, characters.count))
        skipWhitespace()
        let startText = readUntil { $0.isWhitespace }
        skipWhitespace()
        let endText = readUntil { $0 == "=" || $0.isWhitespace }
        skipWhitespace()
        guard let startText, let endText, read(["="]), read(state.end), !startText.isEmpty, !endText.isEmpty else {
            throw invalid
        }
        state.start = startText
        state.end = endText
        state.isPartialDefinitionTopLevel = false
    }

    private mutating func parsePragma(_ state: State, tagStart: Int) throws(Failure) {
        skipWhitespace()
        let variable = readWhile(Self.nameCharactersWithoutBrackets)
        skipWhitespace()
        let hasColon = read([":"])
        skipWhitespace()
        let value = readWhile(Self.nameCharactersWithoutBrackets)
        skipWhitespace()
        let closed = read(state.end)
        guard hasColon, closed, !variable.isEmpty, !value.isEmpty, variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
            throw Failure(message: "unsupported pragma; the only one is `CONTENT_TYPE` with `HTML` or `TEXT`", range: tagStart..<position)
        }
    }

    // MARK: Reading

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private mutating func skipWhitespace() {
        while let current, current.isWhitespace { position += 1 }
    }

    private mutating func readWhile(_ allowed: Set<Character>) -> String {
        let start = position
        while let current, allowed.contains(current) { position += 1 }
        return String(characters[start..<position])
    }

    /// Characters up to the first one matching `stop` (not consumed); nil, with `position`
    /// unchanged, when the text ends first.
    private mutating func readUntil(_ stop: (Character) -> Bool) -> [Character]? {
        let start = position
        while let current {
            if stop(current) { return Array(characters[start..<position]) }
            position += 1
        }
        position = start
        return nil
    }

    /// Consumes `expected` if the text continues with it. (swift-mustache throws when fewer
    /// characters are left than `expected` has; every caller treats that as an error too.)
    private mutating func read(_ expected: [Character]) -> Bool {
        guard characters.count - position >= expected.count,
              characters[position..<position + expected.count].elementsEqual(expected)
        else { return false }
        position += expected.count
        return true
    }

    private func unclosedTag(_ tagStart: Int, _ state: State, closing: String) -> Failure {
        let text = String(characters[tagStart..<min(position + 1, characters.count)])
        return Failure(message: "the tag `\(text)` is malformed: a name must be followed by `\(closing)`", range: tagStart..<min(position + 1, characters.count))
    }

    private static func unexpectedEnd(_ name: String, _ transforms: [String], open state: State) -> String {
        let written = transforms.reversed().reduce(name) { inner, transform in "\(transform)(\(inner))" }
        guard let open = state.sectionName else { return "`{{/\(written)}}` closes a section that was never opened" }
        let openWritten = state.sectionTransforms.reversed().reduce(open) { inner, transform in "\(transform)(\(inner))" }
        return "`{{/\(written)}}` does not match the open section `\(openWritten)`; close it with `{{/\(openWritten)}}`"
    }
}
