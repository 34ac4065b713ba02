import Testing
@testable import FlowSyntax

@Suite struct ExpressionParserTests {
    @Test(arguments: [
        ("a_or", "contact.a or contact.b and contact.c", "(or contact.a (and contact.b contact.c))"),
        ("and_left", "contact.a and contact.b and contact.c", "(and (and contact.a contact.b) contact.c)"),
        ("not_binds_comparison", "not contact.a == 1", "(not (== contact.a 1))"),
        ("not_below_and", "not contact.a and contact.b", "(and (not contact.a) contact.b)"),
        ("not_not", "not not contact.a", "(not (not contact.a))"),
        ("additive_in_comparison", "now() - last(\"E\") > 90d", "(> (- (now) (last 'E')) 7776000000ms)"),
        ("additive_left", "contact.a - contact.b + 1", "(+ (- contact.a contact.b) 1)"),
        ("parentheses", "(contact.a or contact.b) and contact.c", "(and (or contact.a contact.b) contact.c)"),
        ("in_list", "contact.country in ['DE', \"AT\"]", "(in contact.country ['DE' 'AT'])"),
        ("contains", "event.properties.tags contains \"vip\"", "(contains event.properties.tags 'vip')"),
        ("minus_number", "contact.a - -5", "(- contact.a -5)"),
        ("brackets", "trigger.properties[\"first name\"].x", "trigger.properties.first name.x"),
        ("call_args", "count(\"Order Completed\", 30d) >= 2", "(>= (count 'Order Completed' 2592000000ms) 2)"),
        ("keyword_component", "contact.and.not", "contact.and.not"),
    ])
    func precedenceAndStructure(name: String, text: String, expected: String) throws {
        #expect(sExpression(try parsed(text)) == expected, "\(name)")
    }

    @Test func literalsOfEveryKind() throws {
        #expect(try parsed("\"a\\\"b\\n\"").kind == .literal(.string("a\"b\n")))
        #expect(try parsed("'it\\'s'").kind == .literal(.string("it's")))
        #expect(try parsed("59.90").kind == .literal(.number(Value.Number(59.9, text: "59.90"))))
        guard case .literal(.number(let number)) = try parsed("59.90").kind else { Issue.record(); return }
        #expect(number.text == "59.90")
        guard case .literal(.number(let negative)) = try parsed("-2.5").kind else { Issue.record(); return }
        #expect(negative.double == -2.5 && negative.text == "-2.5")
        #expect(try parsed("1e3").kind == .literal(.number(Value.Number(1000))))
        #expect(try parsed("90").kind == .literal(.number(Value.Number(90))))
        #expect(try parsed("90d").kind == .literal(.duration(90 * DurationSyntax.day)))
        #expect(try parsed("1h30m").kind == .literal(.duration(90 * DurationSyntax.minute)))
        #expect(try parsed("PT1H").kind == .literal(.duration(DurationSyntax.hour)))
        #expect(try parsed("true").kind == .literal(.bool(true)))
        #expect(try parsed("false").kind == .literal(.bool(false)))
        #expect(try parsed("null").kind == .literal(.null))
        #expect(sExpression(try parsed("[]")) == "[]")
        #expect(sExpression(try parsed("[1, [2]]")) == "[1 [2]]")
    }

    @Test func spansAreScalarOffsets() throws {
        let text = "contact.prénom == 'Zoë' and count(\"E\", 1d) > 2"
        let expression = try parsed(text)
        guard case .binary(.and, let comparison, let countTest) = expression.kind,
              case .binary(.equal, let path, let literal) = comparison.kind,
              case .path(.contact, let components) = path.kind
        else { Issue.record("unexpected tree \(sExpression(expression))"); return }
        #expect(expression.range == 0..<text.unicodeScalars.count)
        #expect(slice(text, path.range) == "contact.prénom")
        #expect(slice(text, components[0].range) == "prénom")
        #expect(slice(text, literal.range) == "'Zoë'")
        #expect(slice(text, countTest.range) == "count(\"E\", 1d) > 2")
    }

    @Test func parenthesesWidenTheRange() throws {
        let text = "not (contact.a)"
        guard case .not(let operand) = try parsed(text).kind else { Issue.record(); return }
        #expect(slice(text, operand.range) == "(contact.a)")
    }

    @Test func bracketComponentRangeCoversTheQuotedName() throws {
        let text = "event.properties['a b']"
        guard case .path(.event, let components) = try parsed(text).kind else { Issue.record(); return }
        #expect(components.map(\.name) == ["properties", "a b"])
        #expect(slice(text, components[1].range) == "'a b'")
    }

    @Test(arguments: [
        ("", "empty expression", 0..<0),
        ("contact.a and", "expected an expression after `and`", 13..<13),
        ("contact.a ==", "expected an expression after `==`", 12..<12),
        ("(contact.a", "`(` is never closed", 0..<1),
        ("contact.a)", "unexpected `)`", 9..<10),
        ("'abc", "unterminated string", 0..<4),
        ("'a\\qb'", "unknown escape `\\q` in string", 2..<4),
        ("contact.a = 1", "unexpected `=`", 10..<11),
        ("contact.a && contact.b", "unexpected `&&`", 10..<12),
        ("1 < 2 < 3", "comparisons cannot be chained", 6..<7),
        ("1.5h > 0", "invalid number or duration `1.5h`", 0..<4),
        ("90x", "invalid number or duration `90x`", 0..<3),
        ("foo == 1", "unknown name `foo`", 0..<3),
        ("contact.", "expected a name after `.`", 7..<8),
        ("contact[1]", "expected a quoted name after `[`", 8..<9),
        ("-7d", "durations cannot be negative", 0..<3),
        ("- contact.a", "expected a number after `-`", 2..<9),
        ("count(\"E\" 1d)", "expected `,` or `)`, found `1d`", 10..<12),
        ("[1, 2", "`[` is never closed", 0..<1),
        ("contact.a == not contact.b", "`not` cannot stand here", 13..<16),
        ("contact.a # b", "unexpected character `#`", 10..<11),
        ("contact.a and or", "expected an expression after `and`, found `or`", 14..<16),
    ])
    func errorsHaveMessagesAndPositions(text: String, message: String, range: Range<Int>) {
        let error = syntaxError(text)
        #expect(error?.message == message, "\(text)")
        #expect(error?.range == range, "\(text)")
    }

    @Test func deepNestingIsRefusedNotCrashing() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(syntaxError(deep)?.message == "expression is nested too deeply")
        let chain = (0..<5000).map { _ in "contact.a" }.joined(separator: " + ")
        #expect(syntaxError(chain)?.message == "expression is nested too deeply")
        let nots = String(repeating: "not ", count: 5000) + "true"
        #expect(syntaxError(nots)?.message == "expression is nested too deeply")
    }

    @Test func manyDurationPartsDoNotOverflow() {
        let text = String(repeating: "999999999w", count: 40)
        #expect(syntaxError(text) != nil)
    }
}
