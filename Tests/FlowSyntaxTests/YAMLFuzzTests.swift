import Testing
@testable import FlowSyntax
import TestSupport

/// Random bytes and mutated YAML never crash `YAMLParser.parse`, and every span it returns
/// lies inside the text.
@Suite struct YAMLFuzzTests {
    static let samples = [
        "flow: cart\ntrigger:\n  event: Checkout Started\n  where: event.properties.value > 0\nsteps:\n  - wait: 1h\n  - id: reminder\n    send: cart-reminder\n",
        "delivery:\n  window: { hours: \"08:00-21:00\", days: [mon, tue] }\n  frequency_cap: { max: 1, per: 16h }\n",
        "text: |\n  Hi {{contact.first_name}},\n\n  Unsubscribe: {{unsubscribe_url}}\nhtml: >\n  <p>folded\n  text</p>\nsubject: 'It''s here'\n",
        "steps:\n  - branch:\n      - if: clicked(\"a\")\n        goto: end\n      - else: b\n  - split: [ { weight: 50, goto: a }, { weight: 50, goto: end } ]\n",
        "schema:\n  events:\n    Order Completed: { order_id: string, total: number }\n# comment\n? complex\n: value\n",
    ]
    static let fragments = [
        "&a ", "*a", "<<: ", "{{", "}}", "\"", "'", "\t", "\0", ": ", "- ", "#", "|", ">", "? ", "[", "]", "{", "}", ",",
        "!!str ", "%YAML 1.2\n", "---\n", "...\n", "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{FEFF}", "é", "日本",
        "\u{1F600}", "\u{FFFD}", "\u{7F}", "\u{1B}", "  ", "\\", "\\x", "\"\\u12\"",
    ]

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...64, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            expectWellFormedOutcome(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomYAMLTokensNeverCrash() {
        var generator = SeededGenerator(seed: 12)
        let alphabet = Self.fragments + ["a", "b", "key", "1", " ", "\n", "  ", "\n  ", "- a\n"]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...30, using: &generator)
            expectWellFormedOutcome((0..<count).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined())
        }
    }

    @Test func mutatedYAMLNeverCrashes() {
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<3000 {
            var scalars = Array((Self.samples.randomElement(using: &generator) ?? "").unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0...scalars.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0:
                    scalars.insert(contentsOf: (Self.fragments.randomElement(using: &generator) ?? "").unicodeScalars, at: index)
                case 1:
                    scalars.removeSubrange(index..<min(scalars.count, index + Int.random(in: 1...10, using: &generator)))
                case 2:
                    let end = min(scalars.count, index + Int.random(in: 1...30, using: &generator))
                    let copied = Array(scalars[index..<end])
                    scalars.insert(contentsOf: copied, at: Int.random(in: 0...scalars.count, using: &generator))
                default:
                    if index < scalars.count, let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2FF, using: &generator)) {
                        scalars[index] = scalar
                    }
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            expectWellFormedOutcome(text)
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        for text in [
            String(repeating: "[", count: 50_000),
            String(repeating: "{a: ", count: 20_000),
            (0..<1_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined(),
            (0..<1_000).map { String(repeating: " ", count: $0 * 2) + "- \n" }.joined(),
        ] {
            let outcome = expectWellFormedOutcome(text)
            #expect(outcome.root == nil && !outcome.problems.isEmpty)
        }
    }

    @Test func syntaxErrorsAtTheEndPointInsideTheText() {
        for text in ["a: [", "a: [\n", "a: \"open", "a:\n  - b\n c", "key: value\r\nother: [\r\n", "a: 1\rb: [\r"] {
            let problem = YAMLParser.parse(text).problems.first
            let lines = SourceFile(path: "", text: text).lines
            #expect(problem.map { $0.span.start.line <= lines.count } == true, "\(text.debugDescription)")
        }
    }

    @Test func controlCharactersAreReportedWhereTheyStand() throws {
        let problem = try #require(YAMLParser.parse("a: 1\nb: x\u{1}y\n").problems.first)
        #expect(problem.span.start == SourceLocation(line: 2, column: 5))
    }

    @Test func sourceLinesBreakWhereLibyamlBreaksThem() {
        let file = SourceFile(path: "", text: "a\r\nb\rc\nd\u{85}e\u{2028}f\u{2029}g")
        #expect(file.lines == ["a", "b", "c", "d", "e", "f", "g"])
        let outcome = YAMLParser.parse("a: 1\r\nb: [\r\n")
        #expect(outcome.problems.first?.span.start.line == 3)
        #expect(SourceFile(path: "", text: "a: 1\r\nb: [\r\n").lines.count == 3)
    }

    /// Parses `text` and checks that every node and problem span lies inside it.
    @discardableResult
    private func expectWellFormedOutcome(_ text: String) -> YAMLParser.Outcome {
        let outcome = YAMLParser.parse(text)
        let lines = SourceFile(path: "", text: text).lines
        if !outcome.problems.isEmpty { #expect(outcome.root == nil, "\(text.debugDescription)") }
        for problem in outcome.problems {
            #expect(!problem.message.isEmpty)
            expectInRange(problem.span, lines, text)
            if let related = problem.related { expectInRange(related, lines, text) }
        }
        var pending = outcome.root.map { [$0] } ?? []
        while let node = pending.popLast() {
            expectInRange(node.span, lines, text)
            switch node {
            case .scalar: break
            case .mapping(let mapping):
                for entry in mapping.entries {
                    expectInRange(entry.key.span, lines, text)
                    pending.append(entry.value)
                }
            case .sequence(let sequence): pending += sequence.items
            }
        }
        return outcome
    }

    /// The start is a character of a line or just past its end; the end is no earlier and at
    /// most the start of the line after the last.
    private func expectInRange(_ span: SourceSpan, _ lines: [Substring], _ text: String) {
        let start = span.start
        let startInside = lines.indices.contains(start.line - 1)
            && start.column >= 1 && start.column <= lines[start.line - 1].unicodeScalars.count + 1
        let endInside = span.end >= start && span.end <= SourceLocation(line: lines.count + 1, column: 1)
        #expect(startInside && endInside, "span \(span) outside \(text.debugDescription)")
    }
}
