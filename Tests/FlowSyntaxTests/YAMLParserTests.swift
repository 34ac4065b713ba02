import Testing
@testable import FlowSyntax

@Suite struct YAMLParserTests {
    @Test func keepsSpansOfKeysAndValues() throws {
        let outcome = YAMLParser.parse("flow: cart\nsteps:\n  - wait: 1h\n")
        #expect(outcome.problems.isEmpty)
        let root = try #require(outcome.root?.mapping)
        let flow = try #require(root.entry("flow"))
        #expect(flow.key.span.start == SourceLocation(line: 1, column: 1))
        #expect(flow.value.scalar?.value == "cart")
        #expect(flow.value.span.start == SourceLocation(line: 1, column: 7))
        #expect(flow.value.span.end == SourceLocation(line: 1, column: 11))
        let step = try #require(root["steps"]?.sequence?.items.first?.mapping)
        #expect(step.span.start == SourceLocation(line: 3, column: 5))
    }

    @Test func scalarsAreNeverImplicitlyTyped() throws {
        let outcome = YAMLParser.parse("on: no\nat: 09:00\n")
        let root = try #require(outcome.root?.mapping)
        #expect(root.entries.map(\.key.value) == ["on", "at"])
        #expect(root["on"]?.scalar?.value == "no")
        #expect(root["at"]?.scalar?.value == "09:00")
    }

    @Test func reportsEveryDuplicateKeyAtItsSecondOccurrence() {
        let outcome = YAMLParser.parse("a: 1\nb: 2\na: 3\nb: 4\n")
        #expect(outcome.root == nil)
        #expect(outcome.problems.count == 2)
        #expect(outcome.problems.map(\.span.start) == [SourceLocation(line: 3, column: 1), SourceLocation(line: 4, column: 1)])
        #expect(outcome.problems.first?.related?.start == SourceLocation(line: 1, column: 1))
    }

    @Test func refusesAnchorsAliasesAndMergeKeys() {
        for text in ["a: &x 1\nb: *x\n", "a: *x\n", "base: 1\nother:\n  <<: {a: 1}\n"] {
            let outcome = YAMLParser.parse(text)
            #expect(outcome.problems.count == 1)
            guard case .anchorOrAlias = outcome.problems.first?.kind else {
                Issue.record("expected FC003 for \(text)")
                continue
            }
        }
    }

    @Test func refusesAnAliasBombAtTheFirstAnchor() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1..<20 {
            let previous = "*\(Character(UnicodeScalar(96 + level)!))"
            text += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) [\(Array(repeating: previous, count: 9).joined(separator: ","))]\n"
        }
        let outcome = YAMLParser.parse(text)
        #expect(outcome.problems.first?.span.start == SourceLocation(line: 1, column: 4))
    }

    @Test func syntaxErrorsCarryTheParserPosition() {
        let outcome = YAMLParser.parse("flow: cart\nsteps: [a, b\n")
        #expect(outcome.problems.count == 1)
        guard case .syntax = outcome.problems.first?.kind else {
            Issue.record("expected a syntax problem")
            return
        }
        #expect(outcome.problems.first?.span.start.line == 3)
    }

    @Test func refusesHostileNesting() {
        let text = String(repeating: "[", count: 10_000)
        #expect(!YAMLParser.parse(text).problems.isEmpty)
    }

    @Test func locatesOffsetsInsideLiteralBlocks() throws {
        let text = "subject: Hi\ntext: |\n  Hello {{contact.name}}\n  Bye {{x}}\n"
        let file = SourceFile(path: "t.yaml", text: text)
        let root = try #require(YAMLParser.parse(text).root?.mapping)
        let body = try #require(root["text"]?.scalar)
        // "Hello {{contact.name}}\n" is 23 scalars, "Bye " 4 more: `{{x}}` starts at offset 27.
        let offset = 27
        #expect(Array(body.value.unicodeScalars)[offset] == "{")
        #expect(body.location(ofOffset: offset, in: file) == SourceLocation(line: 4, column: 7))
        let subject = try #require(root["subject"]?.scalar)
        #expect(subject.location(ofOffset: 1, in: file) == SourceLocation(line: 1, column: 11))
    }
}
