import Testing
import FlowCheck
import FlowSyntax
@testable import FlowIR

/// A contact with traits, an event history, a trigger and a candidate event, at a fixed time.
struct TestEnvironment: ExpressionEnvironment {
    var now: Int64 = RFC3339.parse("2026-03-10T12:00:00Z")!
    var contactID = "u1"
    var traits = Value.Object([
        ("email", .string("Ana@Example.com")), ("first_name", .string("Zoë")), ("age", .number(Value.Number(42))),
        ("birthday", .string("1990-05-17")), ("tags", .list([.string("vip"), .number(Value.Number(3))])),
        ("vip", .bool(true)), ("address", .object(Value.Object([("city", .string("Berlin"))]))),
        ("signed_up_at", .string("2026-03-01T09:00:00Z")),
    ])
    var trigger = (name: "Checkout Started", timestamp: RFC3339.parse("2026-03-10T11:00:00Z")!,
                   properties: Value.Object([("checkout_id", .string("k1")), ("value", .number(Value.Number(59.9, text: "59.90")))]))
    /// Event name → times the contact did it.
    var history: [String: [Int64]] = [:]
    var openedSteps: Set<String> = []
    var clickedSteps: Set<String> = []

    func lookup(_ path: ExpressionPath) -> Value {
        switch path.root {
        case .contact: PathResolution.contact(path, id: contactID, traits: PackedObject(traits))
        case .trigger, .event:
            PathResolution.event(path, name: trigger.name, timestamp: trigger.timestamp, properties: PackedObject(trigger.properties))
        }
    }

    func count(_ event: String, within: Int64?) -> Int {
        let times = history[event] ?? []
        guard let within else { return times.count }
        return times.filter { $0 > now - within && $0 <= now }.count
    }

    func last(_ event: String) -> Int64? { history[event]?.max() }
    func opened(step: String) -> Bool { openedSteps.contains(step) }
    func clicked(step: String) -> Bool { clickedSteps.contains(step) }
}

@Suite struct ExpressionEvaluationTests {
    static let hour = DurationSyntax.hour
    static let day = DurationSyntax.day

    func value(_ text: String, _ environment: TestEnvironment = TestEnvironment()) throws -> Value {
        CompiledExpression(try ExpressionParser.parse(text)).evaluate(in: environment)
    }

    func holds(_ text: String, _ environment: TestEnvironment = TestEnvironment()) throws -> Bool {
        CompiledExpression(try ExpressionParser.parse(text)).holds(in: environment)
    }

    @Test func pathsFollowTheSpecRules() throws {
        #expect(try value("contact.id") == .string("u1"))
        #expect(try value("contact.email") == .string("Ana@Example.com"))
        #expect(try value("contact.address.city") == .string("Berlin"))
        #expect(try value("contact[\"first_name\"]") == .string("Zoë"))
        #expect(try value("trigger.event") == .string("Checkout Started"))
        #expect(try value("trigger.timestamp") == .timestamp(RFC3339.parse("2026-03-10T11:00:00Z")!))
        #expect(try value("trigger.properties.checkout_id") == .string("k1"))
        #expect(try value("trigger.value") == .null)
    }

    @Test func missingPathsAreNullAndOnlyEqualityTestsNull() throws {
        #expect(try value("contact.nope") == .null)
        #expect(try value("contact.address.city.more") == .null)
        #expect(try holds("contact.nope == null"))
        #expect(try !holds("contact.nope != null"))
        #expect(try holds("contact.age != null"))
        for op in ["<", "<=", ">", ">="] {
            #expect(try !holds("contact.nope \(op) 1"))
            #expect(try !holds("1 \(op) contact.nope"))
            #expect(try !holds("contact.nope \(op) contact.nope"))
        }
        #expect(try holds("contact.nope in [null, 1]"))
    }

    @Test func onlyBooleanTrueHolds() throws {
        #expect(try !holds("contact.first_name"))
        #expect(try !holds("contact.age"))
        #expect(try holds("contact.vip"))
        #expect(try holds("not contact.nope"))
        #expect(try value("not null") == .bool(true))
        #expect(try value("not contact.first_name") == .bool(true))
        #expect(try value("contact.age and true") == .bool(false))
        #expect(try value("contact.age or true") == .bool(true))
    }

    @Test func equalityBetweenTypes() throws {
        #expect(try holds("1 == 1.0"))
        #expect(try holds("trigger.properties.value == 59.9"))
        #expect(try !holds("1 == \"1\""))
        #expect(try holds("1 != \"1\""))
        #expect(try !holds("true == 1"))
        #expect(try holds("[1, \"a\"] == [1.0, 'a']"))
        #expect(try holds("90m == 1h30m"))
    }

    @Test func stringsMeetTimestampsAsTimes() throws {
        #expect(try holds("trigger.timestamp == \"2026-03-10T12:00:00+01:00\""))
        #expect(try holds("trigger.timestamp > \"2026-03-10T10:59:59Z\""))
        #expect(try holds("contact.signed_up_at < now()"))
        #expect(try !holds("trigger.timestamp > \"yesterday\""))
        #expect(try !holds("trigger.timestamp == \"yesterday\""))
        // A date is midnight UTC.
        #expect(try holds("contact.birthday < now() and \"2026-03-10\" < now() and \"2026-03-11\" > now()"))
        #expect(try holds("\"2026-03-10\" == now() - 12h"))
    }

    @Test func timeArithmetic() throws {
        let now = TestEnvironment().now
        #expect(try value("now() - trigger.timestamp") == .duration(Self.hour))
        #expect(try value("now() - 1d") == .timestamp(now - Self.day))
        #expect(try value("1d + now()") == .timestamp(now + Self.day))
        #expect(try value("2d - 12h") == .duration(36 * Self.hour))
        #expect(try value("contact.signed_up_at + 1d") == .timestamp(RFC3339.parse("2026-03-02T09:00:00Z")!))
        #expect(try value("\"2026-03-02\" - \"2026-03-01\"") == .duration(Self.day))
        #expect(try holds("now() - trigger.timestamp < 2h and now() - trigger.timestamp >= 1h"))
    }

    @Test func numbersAndStrings() throws {
        #expect(try value("1 + 2.5") == .number(Value.Number(3.5)))
        #expect(try value("contact.age - 2") == .number(Value.Number(40)))
        #expect(try value("contact.first_name + \"!\"") == .string("Zoë!"))
        #expect(try holds("\"abc\" < \"abd\""))
    }

    @Test func illTypedArithmeticIsNull() throws {
        #expect(try value("\"a\" + 1") == .null)
        #expect(try value("\"a\" - \"b\"") == .null)
        #expect(try value("contact.vip + 1") == .null)
        #expect(try value("contact.nope + 1") == .null)
        #expect(try value("1 - 1d") == .null)
        #expect(try value("now() + now()") == .null)
    }

    @Test func overflowIsNullNotATrap() throws {
        var environment = TestEnvironment()
        environment.now = .max - 1
        #expect(try value("now() + 1d", environment) == .null)
        environment.now = .min + 1
        #expect(try value("now() - 1d", environment) == .null)
        environment.history = ["E": [Int64.max]]
        #expect(try value("since(\"E\")", environment) == .null)
        #expect(try value("1e308 + 1e308") == .number(Value.Number(.infinity)))
    }

    @Test func membershipAndSubstrings() throws {
        #expect(try holds("\"vip\" in contact.tags"))
        #expect(try holds("contact.tags contains 3.0"))
        #expect(try !holds("contact.tags contains \"3\""))
        #expect(try holds("contact.email contains \"@Example\""))
        #expect(try holds("\"ë\" in contact.first_name"))
        #expect(try !holds("\"x\" in contact.first_name"))
        #expect(try holds("trigger.properties.checkout_id in [\"k0\", \"k1\"]"))
        #expect(try !holds("1 in \"123\""))
        #expect(try !holds("contact.nope in contact.tags"))
        #expect(try !holds("\"a\" in contact.nope"))
    }

    @Test func durationsCompareWithDurations() throws {
        var environment = TestEnvironment()
        environment.history = ["Order Completed": [environment.now - 100 * Self.day]]
        #expect(try holds("since(\"Order Completed\") > 90d", environment))
        #expect(try !holds("since(\"Order Completed\") > 100d", environment))
        #expect(try !holds("since(\"Order Completed\") > 90", environment))
        #expect(try !holds("since(\"Never\") > 1d", environment))
        #expect(try value("since(\"Never\")", environment) == .null)
        #expect(try value("last(\"Order Completed\")", environment) == .timestamp(environment.now - 100 * Self.day))
        #expect(try value("last(\"Never\")", environment) == .null)
    }

    @Test func countIsHalfOpenWindow() throws {
        var environment = TestEnvironment()
        let now = environment.now
        environment.history = ["E": [now - 2 * Self.day, now - Self.day, now - Self.hour, now]]
        #expect(try value("count(\"E\")", environment) == .number(Value.Number(4)))
        #expect(try value("count(\"E\", 1d)", environment) == .number(Value.Number(2)))
        #expect(try value("count(\"E\", 1d + 1s)", environment) == .number(Value.Number(3)))
        #expect(try value("count(\"E\", 0s)", environment) == .number(Value.Number(0)))
        #expect(try value("count(\"E\", 5)", environment) == .null)
        #expect(try value("count(\"Other\")", environment) == .number(Value.Number(0)))
    }

    @Test func otherFunctions() throws {
        var environment = TestEnvironment()
        environment.openedSteps = ["reminder"]
        environment.clickedSteps = ["discount"]
        #expect(try value("now()", environment) == .timestamp(environment.now))
        #expect(try holds("exists(contact.age) and not exists(contact.nope)", environment))
        #expect(try value("lower(contact.email)", environment) == .string("ana@example.com"))
        #expect(try value("lower(contact.age)", environment) == .null)
        #expect(try value("len(\"e\u{301}\")", environment) == .number(Value.Number(2)))
        #expect(try value("len(contact.first_name)", environment) == .number(Value.Number(3)))
        #expect(try value("len(contact.tags)", environment) == .number(Value.Number(2)))
        #expect(try value("len(contact.age)", environment) == .null)
        #expect(try holds("opened(\"reminder\") and not clicked(\"reminder\") and clicked(\"discount\")", environment))
        #expect(try value("nope()", environment) == .null)
        #expect(try value("now(1)", environment) == .null)
    }

    @Test func constantsAreFoldedButPathsAreNot() throws {
        let compiled = CompiledExpression(try ExpressionParser.parse("[1 + 1, \"a\" + \"b\"]"))
        #expect(compiled.evaluate(in: TestEnvironment()) == .list([.number(Value.Number(2)), .string("ab")]))
        let dynamic = CompiledExpression(try ExpressionParser.parse("contact.age + 1"))
        var older = TestEnvironment()
        older.traits["age"] = .number(Value.Number(50))
        #expect(dynamic.evaluate(in: TestEnvironment()) == .number(Value.Number(43)))
        #expect(dynamic.evaluate(in: older) == .number(Value.Number(51)))
    }

    @Test func resolvesWholeRoots() {
        let event = PathResolution.event(ExpressionPath(.event, []), name: "E", timestamp: 5, properties: PackedObject(Value.Object([("a", .bool(true))])))
        #expect(event["event"] == .string("E"))
        #expect(event["timestamp"] == .timestamp(5))
        #expect(event["properties"]["a"] == .bool(true))
        let traits = Value.Object([("id", .string("trait-id"))])
        #expect(PathResolution.contact(ExpressionPath(.contact, ["id"]), id: "u1", traits: PackedObject(traits)) == .string("u1"))
        #expect(PathResolution.contact(ExpressionPath(.contact, []), id: "u1", traits: PackedObject(traits)) == .object(traits))
    }

    /// The first member after the root is resolved when the path is compiled.
    @Test func pathStartsAreResolvedWhenCompiled() {
        let cases: [(PathRoot, [String], ExpressionPath.Start, [String])] = [
            (.contact, [], .whole, []),
            (.contact, ["id"], .contactID, []),
            (.contact, ["address", "city"], .trait("address"), ["city"]),
            (.event, ["properties"], .properties, []),
            (.trigger, ["properties", "cart", "total"], .property("cart"), ["total"]),
            (.event, ["event"], .eventName, []),
            (.trigger, ["timestamp", "x"], .timestamp, ["x"]),
            (.event, ["id"], .nothing, []),
        ]
        for (root, names, start, rest) in cases {
            let path = ExpressionPath(root, names)
            #expect(path.start == start && path.rest == rest, "\(root) \(names)")
        }
        let properties = Value.Object([("cart", .object(Value.Object([("total", .number(Value.Number(3)))])))])
        let trigger = { (names: [String]) in
            PathResolution.event(ExpressionPath(.trigger, names), name: "E", timestamp: 5, properties: PackedObject(properties))
        }
        #expect(trigger(["properties", "cart", "total"]) == .number(Value.Number(3)))
        #expect(trigger(["properties", "cart", "missing"]) == .null)
        #expect(trigger(["event"]) == .string("E"))
        #expect(trigger(["event", "length"]) == .null)
        #expect(trigger(["timestamp"]) == .timestamp(5))
        #expect(trigger(["name"]) == .null)
    }

    /// Every pairing of these operands and operators goes through parse, check and evaluation.
    @Test func combinationsNeverTrap() {
        let parts = ["contact.age", "contact.first_name", "now()", "1d", "-3", "\"2026-01-01\"", "null",
                     "contact.tags", "since(\"E\")", "[1, 'a']", "1e308", "trigger.timestamp", "true"]
        let operators = ["+", "-", "==", "<", "in", "contains", "and", "or"]
        var environment = TestEnvironment()
        environment.history = ["E": [Int64.min + 5]]
        let context = ExpressionContext(
            roots: [.contact, .trigger], schema: Schema(contact: ["age": .number, "tags": .list]), isCondition: true
        )
        for a in parts {
            for op in operators {
                for b in parts {
                    let text = "\(a) \(op) \(b)"
                    guard let expression = try? ExpressionParser.parse(text) else { continue }
                    let check = ExpressionChecker.check(expression, in: context)
                    #expect(check.findings.allSatisfy { $0.range.upperBound <= text.unicodeScalars.count && $0.help != nil })
                    _ = CompiledExpression(expression).evaluate(in: environment)
                }
            }
        }
    }
}
