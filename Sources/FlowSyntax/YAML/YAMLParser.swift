import CYAML

/// A problem found while reading YAML; each maps to one catalog code.
public struct YAMLProblem: Error, Sendable {
    public enum Kind: Sendable {
        /// FC001: the YAML is not well formed.
        case syntax
        /// FC002: a mapping key appears twice.
        case duplicateKey(String)
        /// FC003: an anchor, alias or merge key.
        case anchorOrAlias(String)
    }

    public var kind: Kind
    public var message: String
    public var span: SourceSpan
    /// Where the first occurrence of a duplicate key stands.
    public var related: SourceSpan?
}

/// Reads one YAML document into `YAMLNode`s with spans, using libyaml's event API.
///
/// Anchors, aliases and merge keys are refused at the first one (so an alias bomb costs
/// nothing); duplicate keys are all reported; a syntax error stops at the parser's position.
public enum YAMLParser {
    /// Nesting deeper than this is refused as a syntax error, so hostile input cannot
    /// exhaust the stack of anything that walks the tree.
    public static let maximumDepth = 200

    /// The outcome of reading a file: a root node (nil for an empty document) when there are no problems.
    public struct Outcome: Sendable {
        public var root: YAMLNode?
        public var problems: [YAMLProblem]
    }

    /// Reads `text`; when `problems` is not empty the document must not be used.
    public static func parse(_ text: String) -> Outcome {
        // At the end of a text without a final line break, libyaml counts one line more;
        // positions there are moved back to the end of the last line.
        let endsWithLineBreak = text.unicodeScalars.last.map(SourceFile.isLineBreak) ?? true
        let end = endsWithLineBreak ? nil : endLocation(of: text)
        var builder = Builder(end: end)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return Outcome(root: nil, problems: [YAMLProblem(kind: .syntax, message: "could not start the YAML parser", span: SourceSpan(line: 1, column: 1))])
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return Outcome(root: nil, problems: builder.problems + [syntaxProblem(parser, text: text, end: end)])
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                if let fatal = builder.handle(event) {
                    return Outcome(root: nil, problems: builder.problems + [fatal])
                }
            }
            return Outcome(root: builder.problems.isEmpty ? builder.root : nil, problems: builder.problems)
        }
    }

    private static func syntaxProblem(_ parser: yaml_parser_t, text: String, end: SourceLocation?) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) \(context)"
        }
        let location: SourceLocation
        if parser.error == YAML_READER_ERROR {
            // The reader reports a byte offset, not a mark.
            location = endLocation(of: String(decoding: text.utf8.prefix(parser.problem_offset), as: UTF8.self))
        } else {
            location = clamped(parser.problem_mark, to: end)
        }
        return YAMLProblem(kind: .syntax, message: message, span: SourceSpan(line: location.line, column: location.column))
    }

    /// The 1-based position of `mark`, no later than `end`.
    fileprivate static func clamped(_ mark: yaml_mark_t, to end: SourceLocation?) -> SourceLocation {
        let location = SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        guard let end, end < location else { return location }
        return end
    }

    /// Where a cursor stands after the last character of `text`.
    private static func endLocation(of text: String) -> SourceLocation {
        let lines = SourceFile(path: "", text: text).lines
        return SourceLocation(line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
    }
}

/// Turns the event stream into nodes with an explicit stack (no recursion).
private struct Builder {
    private enum Frame {
        case mapping(start: SourceLocation, entries: [YAMLMapping.Entry], pendingKey: YAMLScalar?, seen: [String: SourceSpan])
        case sequence(start: SourceLocation, items: [YAMLNode])
    }

    /// The end of a text without a final line break, which no position may pass.
    let end: SourceLocation?
    var root: YAMLNode?
    var problems: [YAMLProblem] = []
    private var stack: [Frame] = []
    private var documents = 0

    init(end: SourceLocation?) {
        self.end = end
    }

    mutating func handle(_ event: yaml_event_t) -> YAMLProblem? {
        let start = location(event.start_mark)
        let end = location(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return YAMLProblem(kind: .syntax, message: "a file holds one YAML document, found a second one", span: SourceSpan(start: start, end: end))
            }
        case YAML_ALIAS_EVENT:
            return YAMLProblem(kind: .anchorOrAlias("alias"), message: "aliases are not allowed", span: SourceSpan(start: start, end: end))
        case YAML_SCALAR_EVENT:
            if event.data.scalar.anchor != nil { return anchorProblem(start, end) }
            let scalar = YAMLScalar(
                value: string(event.data.scalar.value, length: event.data.scalar.length),
                style: style(event.data.scalar.style),
                span: SourceSpan(start: start, end: end)
            )
            return add(.scalar(scalar))
        case YAML_MAPPING_START_EVENT:
            if event.data.mapping_start.anchor != nil { return anchorProblem(start, end) }
            if stack.count >= YAMLParser.maximumDepth { return depthProblem(start) }
            stack.append(.mapping(start: start, entries: [], pendingKey: nil, seen: [:]))
        case YAML_SEQUENCE_START_EVENT:
            if event.data.sequence_start.anchor != nil { return anchorProblem(start, end) }
            if stack.count >= YAMLParser.maximumDepth { return depthProblem(start) }
            stack.append(.sequence(start: start, items: []))
        case YAML_MAPPING_END_EVENT:
            guard case .mapping(let open, let entries, _, _) = stack.popLast() else { return nil }
            return add(.mapping(YAMLMapping(entries: entries, span: SourceSpan(start: open, end: end))))
        case YAML_SEQUENCE_END_EVENT:
            guard case .sequence(let open, let items) = stack.popLast() else { return nil }
            return add(.sequence(YAMLSequence(items: items, span: SourceSpan(start: open, end: end))))
        default:
            break
        }
        return nil
    }

    private mutating func add(_ node: YAMLNode) -> YAMLProblem? {
        guard let top = stack.popLast() else {
            root = node
            return nil
        }
        switch top {
        case .sequence(let start, var items):
            items.append(node)
            stack.append(.sequence(start: start, items: items))
        case .mapping(let start, var entries, let pendingKey, var seen):
            if let key = pendingKey {
                entries.append(YAMLMapping.Entry(key: key, value: node))
                stack.append(.mapping(start: start, entries: entries, pendingKey: nil, seen: seen))
                return nil
            }
            guard case .scalar(let key) = node else {
                return YAMLProblem(kind: .syntax, message: "a mapping key must be a plain name, found \(node.kindDescription)", span: node.span)
            }
            if key.value == "<<" && key.style == .plain {
                return YAMLProblem(kind: .anchorOrAlias("merge key"), message: "merge keys (`<<`) are not allowed", span: key.span)
            }
            if let first = seen[key.value] {
                problems.append(YAMLProblem(
                    kind: .duplicateKey(key.value), message: "duplicate key `\(key.value)`",
                    span: key.span, related: first
                ))
            } else {
                seen[key.value] = key.span
            }
            stack.append(.mapping(start: start, entries: entries, pendingKey: key, seen: seen))
        }
        return nil
    }

    private func anchorProblem(_ start: SourceLocation, _ end: SourceLocation) -> YAMLProblem {
        YAMLProblem(kind: .anchorOrAlias("anchor"), message: "anchors are not allowed", span: SourceSpan(start: start, end: end))
    }

    private func depthProblem(_ start: SourceLocation) -> YAMLProblem {
        YAMLProblem(kind: .syntax, message: "nesting deeper than \(YAMLParser.maximumDepth) levels", span: SourceSpan(start: start, end: start))
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        YAMLParser.clamped(mark, to: end)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
