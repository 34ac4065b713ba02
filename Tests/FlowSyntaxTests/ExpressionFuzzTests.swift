import Testing
@testable import FlowSyntax
import TestSupport


@Suite struct ExpressionFuzzTests {
    static let samples = [
        "contact.country in ['DE', 'AT'] and not exists(contact.vip)",
        "since(\"Order Completed\") > 90d or count(\"Order Completed\", 30d) >= 2",
        "event.properties.checkout_id == trigger.properties[\"checkout_id\"]",
        "lower(contact.email) contains '@example.com' and len(contact.name) > -1.5",
        "(now() - trigger.timestamp) + 1h30m <= PT2H",
    ]
    static let alphabet = Array("abcdeknotrs ()[],.+-=!<>'\"\\0123456789dhmw_é\n\t")

    /// Either a tree, or an error whose range lies inside the text.
    func expectParsesOrLocatesError(_ text: String) {
        let length = text.unicodeScalars.count
        do {
            let expression = try ExpressionParser.parse(text)
            #expect(expression.range.lowerBound >= 0 && expression.range.upperBound <= length, "\(text)")
        } catch {
            #expect(error.range.lowerBound >= 0 && error.range.upperBound <= length, "\(text)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func randomTextNeverCrashes() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
            expectParsesOrLocatesError(text)
        }
    }

    @Test func mutatedExpressionsNeverCrash() {
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<3000 {
            var characters = Array(Self.samples.randomElement(using: &generator)!)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0...characters.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: characters.insert(Self.alphabet.randomElement(using: &generator)!, at: index)
                case 1 where index < characters.count: characters.remove(at: index)
                default: if index < characters.count { characters[index] = Self.alphabet.randomElement(using: &generator)! }
                }
            }
            expectParsesOrLocatesError(String(characters))
        }
    }

    @Test func samplesParse() throws {
        for sample in Self.samples { _ = try ExpressionParser.parse(sample) }
    }

    @Test func printedTreesParseBackToTheSameTree() throws {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let tree = randomExpression(depth: 4, using: &generator)
            let printed = tree.description
            let reparsed = try ExpressionParser.parse(printed)
            #expect(sExpression(reparsed) == sExpression(tree), "\(printed)")
            #expect(reparsed.range == 0..<printed.unicodeScalars.count)
        }
    }

    func randomExpression(depth: Int, using generator: inout SeededGenerator) -> Expression {
        let leafOnly = depth == 0
        switch Int.random(in: 0..<(leafOnly ? 3 : 7), using: &generator) {
        case 0:
            let literals: [Value] = [
                .string("a \"q\" \\ é"), .string("it's"), .number(Value.Number(-2.5, text: "-2.5")),
                .number(Value.Number(7)), .duration(90 * DurationSyntax.minute), .bool(true), .bool(false), .null,
            ]
            return Expression(.literal(literals.randomElement(using: &generator)!), range: 0..<0)
        case 1:
            let names = ["email", "and", "first name", "x1", "_y", "é"]
            let components = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                PathComponent(name: names.randomElement(using: &generator)!, range: 0..<0)
            }
            return Expression(.path(PathRoot.allCases.randomElement(using: &generator)!, components), range: 0..<0)
        case 2:
            return Expression(.call("now", []), range: 0..<0)
        case 3:
            return Expression(.not(randomExpression(depth: depth - 1, using: &generator)), range: 0..<0)
        case 4:
            let items = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                randomExpression(depth: depth - 1, using: &generator)
            }
            return Expression(Bool.random(using: &generator) ? .list(items) : .call("count", items), range: 0..<0)
        default:
            let op = BinaryOperator.allCases.randomElement(using: &generator)!
            let lhs = randomExpression(depth: depth - 1, using: &generator)
            let rhs = randomExpression(depth: depth - 1, using: &generator)
            return Expression(.binary(op, lhs, rhs), range: 0..<0)
        }
    }
}
