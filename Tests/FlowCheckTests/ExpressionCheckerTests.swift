import Testing
import FlowSyntax
@testable import FlowCheck

@Suite struct ExpressionCheckerTests {
    static let schema = Schema(
        contact: ["first_name": .string, "age": .number, "vip": .boolean, "birthday": .date, "tags": .list,
                  "signed_up_at": .timestamp, "address": .object, "country": .string, "phone": .string],
        events: ["Checkout Started": ["checkout_id": .string, "value": .number],
                 "Order Completed": ["checkout_id": .string, "total": .number]]
    )

    static let flowContext = ExpressionContext(
        roots: [.contact, .trigger, .event], event: .named(["Order Completed"]), trigger: .named(["Checkout Started"]),
        schema: schema, steps: ["reminder", "wait-a-bit"], sendSteps: ["reminder"], isCondition: true
    )

    func findings(_ text: String, _ context: ExpressionContext = flowContext) -> [ExpressionFinding] {
        ExpressionChecker.check(text, in: context).findings
    }

    func codes(_ text: String, _ context: ExpressionContext = flowContext) -> [String] {
        findings(text, context).map(\.code)
    }

    @Test(arguments: [
        "contact.country == \"DE\" and trigger.properties.value > 10",
        "since(\"Order Completed\") > 90d or count(\"Order Completed\", 30d) >= 2",
        "event.properties.checkout_id == trigger.properties.checkout_id",
        "contact.birthday < now() and contact.signed_up_at > now() - 30d",
        "contact.first_name in [\"Ana\", \"Ben\"] and contact.tags contains \"x\"",
        "not exists(contact.phone) or opened(\"reminder\")",
        "lower(contact.email) contains \"@example.com\" and len(contact.tags) > 2",
        "event.timestamp - trigger.timestamp < 1d and contact.address.city == \"Berlin\"",
        "contact.vip and event.properties[\"total\"] >= 100 and contact.signed_up_at < \"2026-01-01T00:00:00Z\"",
        "count(\"Email Opened\") > 0 and trigger.event == \"Checkout Started\"",
    ])
    func validExpressionsHaveNoFindings(text: String) {
        var schemaless = Self.flowContext
        schemaless.schema = nil
        let context = Self.flowContext
        #expect(findings(text, context) == [], "\(text)")
        #expect(findings(text, schemaless) == [], "\(text) without schema")
    }

    @Test func syntaxErrorsAreFC301WithHelp() {
        let check = ExpressionChecker.check("contact.a and", in: Self.flowContext)
        #expect(check.expression == nil)
        #expect(check.findings.map(\.code) == ["FC301"])
        #expect(check.findings.first?.range == 13..<13)
        #expect(check.findings.first?.help != nil)
    }

    @Test func unavailableRootIsFC302OnTheRoot() throws {
        let context = ExpressionContext(roots: [.contact, .trigger], isCondition: true)
        let found = findings("contact.a == 1 and event.properties.x == 2", context)
        #expect(found.map(\.code) == ["FC302"])
        #expect(found.first?.range == 19..<24)
        #expect(found.first?.message == "`event` is not available here")
        #expect(try #require(found.first?.help).contains("use `contact` or `trigger`"))
    }

    @Test func unknownFunctionsAndArityAreFC303() {
        let unknown = findings("cont(\"E\") > 1")
        #expect(unknown.map(\.code) == ["FC303"])
        #expect(unknown.first?.range == 0..<4)
        #expect(unknown.first?.help == "did you mean `count`?")
        let arity = findings("count(\"Order Completed\", 1d, 2d) > 1")
        #expect(arity.map(\.message) == ["`count` takes 1 or 2 arguments, found 3"])
        #expect(findings("now(1) > now()").map(\.message) == ["`now` takes 0 arguments, found 1"])
        #expect(findings("exists()").map(\.message) == ["`exists` takes 1 argument, found 0"])
    }

    @Test(arguments: [
        ("contact.first_name == 5", "cannot compare a string with a number"),
        ("contact.age == \"5\"", "cannot compare a number with a string"),
        ("contact.vip < true", "`<` cannot order a boolean"),
        ("contact.age > 30d", "cannot compare a number with a duration"),
        ("since(\"Order Completed\") > 90", "cannot compare a duration with a number"),
        ("contact.first_name + 1 == \"x\"", "cannot add a number to a string"),
        ("now() - contact.age > 1d", "cannot subtract a number from a timestamp"),
        ("not contact.age", "`not` needs a boolean, found a number"),
        ("contact.vip and contact.first_name", "`and` needs a boolean, found a string"),
        ("count(\"Order Completed\", 5) > 1", "the second argument of `count` must be a duration, found a number"),
        ("count(contact.first_name) > 1", "`count` needs a quoted event name"),
        ("exists(\"x\")", "`exists` needs a path"),
        ("lower(contact.age) == \"x\"", "`lower` needs a string, found a number"),
        ("len(contact.age) > 1", "`len` needs a string or a list, found a number"),
        ("contact.age in \"abc\"", "`in` on a string looks for a substring, found a number"),
        ("contact.age in [\"a\", \"b\"]", "a number is never in a list of strings"),
        ("contact.tags contains 1 and contact.age contains 1", "`contains` needs a list or a string on its left, found a number"),
        ("contact.age < null", "`<` with `null` is always false"),
        ("trigger.timestamp > \"yesterday\"", "`\"yesterday\"` is not a timestamp"),
        ("contact.email.domain == \"x\"", "`contact.email` is a string and has no member `domain`"),
        ("contact.first_name", "condition yields a string, never `true`"),
    ])
    func typeMismatchesAreFC304(text: String, message: String) {
        let found = findings(text)
        #expect(found.contains { $0.code == "FC304" && $0.message == message }, "\(text): \(found.map(\.message))")
        #expect(found.allSatisfy { $0.help != nil })
    }

    @Test func unknownTypesNeverMismatch() {
        let schemaless = ExpressionContext(roots: [.contact, .trigger], isCondition: true)
        #expect(findings("contact.a == 5 and contact.b == true and contact.c + 1 > 2 and not contact.d", schemaless) == [])
    }

    @Test func unknownTraitsAndPropertiesAreFC305WithSuggestions() {
        let trait = findings("contact.frist_name == \"Ana\"")
        #expect(trait.map(\.code) == ["FC305"])
        #expect(trait.first?.message == "unknown trait `frist_name`")
        #expect(trait.first?.range == 8..<18)
        #expect(trait.first?.help == "did you mean `first_name`?")
        let property = findings("trigger.properties.valeu > 1")
        #expect(property.map(\.message) == ["unknown property `valeu` of `Checkout Started`"])
        #expect(property.first?.help == "did you mean `value`?")
        let far = findings("event.properties.zzz == 1")
        #expect(far.first?.help == "declare it under `schema: events:` in `flowc.yaml`")
    }

    @Test func traitsAndPropertiesAreFreeWithoutASchema() {
        let schemaless = ExpressionContext(roots: [.contact, .trigger], trigger: .named(["Checkout Started"]), isCondition: true)
        #expect(findings("contact.whatever == 1 and trigger.properties.anything == 2", schemaless) == [])
    }

    @Test func eventMembersAreFixedEvenWithoutASchema() {
        let schemaless = ExpressionContext(roots: [.contact, .trigger], isCondition: true)
        let found = findings("trigger.value > 1", schemaless)
        #expect(found.map(\.code) == ["FC305"])
        #expect(found.first?.message == "unknown member `value` of `trigger`")
        #expect(found.first?.help?.contains("`trigger.properties.value`") == true)
        #expect(findings("trigger.timestmap > now()", schemaless).first?.help == "did you mean `trigger.timestamp`?")
    }

    @Test func dateTriggerHasOnlyTheDateProperty() {
        let context = ExpressionContext(roots: [.contact, .trigger], trigger: .dateTrigger, isCondition: false)
        let check = ExpressionChecker.check("trigger.properties.date", in: context)
        #expect(check.findings == [])
        #expect(check.type == .string)
        #expect(findings("trigger.properties.day", context).map(\.code) == ["FC305"])
    }

    @Test func unionOfAwaitedEventsDecidesProperties() {
        var context = Self.flowContext
        context.event = .named(["Checkout Started", "Order Completed"])
        #expect(findings("event.properties.total > 1", context) == [])
        #expect(findings("event.properties.nope > 1", context).first?.message
            == "unknown property `nope` of `Checkout Started` or `Order Completed`")
    }

    @Test func mailFeedbackEventsAreAlwaysKnown() {
        var context = Self.flowContext
        context.event = .named(["Email Bounced"])
        #expect(findings("event.properties.type == \"hard\" and event.properties.email_id != null", context) == [])
    }

    @Test func unknownEventNamesAreFC306() {
        let found = findings("count(\"Order Complete\") > 1")
        #expect(found.map(\.code) == ["FC306"])
        #expect(found.first?.range == 6..<22)
        #expect(found.first?.help == "did you mean `Order Completed`?")
        #expect(codes("since(\"Nope\") > 1d and last(\"Nope\") < now()") == ["FC306", "FC306"])
        let schemaless = ExpressionContext(roots: [.contact], isCondition: true)
        #expect(findings("count(\"Nope\") > 1", schemaless) == [])
    }

    @Test func constantConditionsWarnFC307() {
        let found = findings("1 == 1")
        #expect(found.map(\.code) == ["FC307"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.range == 0..<6)
        #expect(codes("not (true or false)") == ["FC307"])
        var key = Self.flowContext
        key.isCondition = false
        #expect(codes("\"constant\"", key) == [])
    }

    @Test func openedAndClickedNeedSendStepsFC107() {
        #expect(codes("opened(\"reminder\") or clicked(\"reminder\")") == [])
        let unknown = findings("opened(\"remindr\")")
        #expect(unknown.map(\.code) == ["FC107"])
        #expect(unknown.first?.message == "unknown step `remindr` in `opened()`")
        #expect(unknown.first?.range == 7..<16)
        #expect(unknown.first?.help == "did you mean `reminder`?")
        let notSend = findings("clicked(\"wait-a-bit\")")
        #expect(notSend.first?.message == "step `wait-a-bit` in `clicked()` is not a send step")
        #expect(notSend.first?.help?.contains("`reminder`") == true)
    }

    @Test func inferredResultTypes() {
        let context = ExpressionContext(roots: [.contact, .trigger], schema: Self.schema, isCondition: false)
        func type(_ text: String) -> ExpressionType { ExpressionChecker.check(text, in: context).type }
        #expect(type("contact.birthday") == .date)
        #expect(type("contact.birthday + 1d") == .timestamp)
        #expect(type("trigger.timestamp - 2d") == .timestamp)
        #expect(type("now() - trigger.timestamp") == .duration)
        #expect(type("last(\"Order Completed\")") == .timestamp)
        #expect(type("contact.first_name + \"!\"") == .string)
        #expect(type("[1, 2]") == .list(.number))
        #expect(type("contact.unknown_thing") == .unknown)
        #expect(type("count(\"Order Completed\")") == .number)
    }
}

@Suite struct ExpressionSuggestionTests {
    @Test func suggestsWithinThresholds() {
        #expect(suggestion(for: "discount-ofer", among: ["reminder", "discount-offer"]) == "discount-offer")
        #expect(suggestion(for: "tiemstamp", among: ["timestamp"]) == "timestamp")
        #expect(suggestion(for: "ab", among: ["xy", "ac"]) == "ac")
        #expect(suggestion(for: "ab", among: ["abcd"]) == nil)
        #expect(suggestion(for: "abcdef", among: ["abcxyz"]) == nil)
        #expect(suggestion(for: "abcd", among: ["abce", "abcf"]) == "abce")
        #expect(suggestion(for: "same", among: ["same"]) == nil)
    }
}

@Suite struct ExpressionDiagnosticTests {
    @Test func findingsMapOntoTheScalar() throws {
        let source = SourceFile(path: "flows/a.flow.yaml", text: "audience: contact.frist_name == 'x'\n")
        let scalar = try #require(YAMLParser.parse(source.text).root?.mapping?["audience"]?.scalar)
        let context = ExpressionContext(roots: [.contact], schema: Schema(contact: ["first_name": .string]), isCondition: true)
        let finding = try #require(ExpressionChecker.check(scalar.value, in: context).findings.first)
        let diagnostic = finding.diagnostic(in: source, scalar: scalar)
        #expect(diagnostic.code == "FC305")
        #expect(diagnostic.file == "flows/a.flow.yaml")
        #expect(diagnostic.span == SourceSpan(line: 1, column: 19, length: 10))
        #expect(diagnostic.help == "did you mean `first_name`?")
    }
}
