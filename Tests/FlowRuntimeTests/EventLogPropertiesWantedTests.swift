import Testing
@testable import FlowRuntime
import FlowSyntax
import TestSupport

/// `EventLogOptions.propertiesWanted`: only wanted `track` events keep their properties;
/// `propertyKeysWanted` and `traitsWanted`: only those members are kept. The options never
/// change what is an error or where.
@Suite struct EventLogPropertiesWantedTests {
    static let wanted = EventLogOptions(propertiesWanted: ["Order Completed"])
    static let keyed = EventLogOptions(propertiesWanted: ["Order Completed"], propertyKeysWanted: ["total", "items"],
                                       traitsWanted: ["vip", "email"])

    /// `object` with only the members `wanted` keeps (all without `wanted`).
    static func kept(_ object: Value.Object, _ wanted: Set<String>?) -> Value.Object {
        guard let wanted else { return object }
        return Value.Object(object.orderedMembers.filter { wanted.contains($0.key) }.map { ($0.key, $0.value) })
    }

    /// The events of `text`, or the error it causes.
    func read(_ text: String, _ options: EventLogOptions = EventLogOptions()) -> Result<[Event], EventLogError> {
        read(bytes: Array(text.utf8), options)
    }

    func read(bytes: [UInt8], _ options: EventLogOptions = EventLogOptions()) -> Result<[Event], EventLogError> {
        let reader = EventLogReader(bytes: bytes, name: "log.jsonl", options: options)
        var events: [Event] = []
        do {
            while let event = try reader.next() { events.append(event) }
            return .success(events)
        } catch {
            return .failure(error)
        }
    }

    @Test func wantedEventsKeepPropertiesWhereverTheNameIs() throws {
        let text = [
            #"{"type":"track","event":"Order Completed","userId":"u1","timestamp":"2026-03-01T09:00:00Z","properties":{"total":9.5}}"#,
            #"{"properties":{"total":8},"type":"track","userId":"u1","timestamp":"2026-03-01T09:00:01Z","event":"Order Completed"}"#,
            #"{"type":"track","userId":"u1","timestamp":"2026-03-01T09:00:02Z","properties":{"id":"p1"},"event":"Product Viewed"}"#,
            #"{"type":"track","event":"Product Viewed","userId":"u1","timestamp":"2026-03-01T09:00:03Z","properties":{"id":"p2"}}"#,
            #"{"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:04Z","properties":{"a":1},"traits":{"vip":true}}"#,
            // a repeated `event`: the last name decides, as for every member
            #"{"type":"track","event":"Product Viewed","properties":{"total":7},"event":"Order Completed","userId":"u1","timestamp":"2026-03-01T09:00:05Z"}"#,
        ].joined(separator: "\n")
        let all = try read(text).get()
        let filtered = try read(text, Self.wanted).get()
        #expect(all.map(\.properties.object.count) == [1, 1, 1, 1, 1, 1])
        #expect(filtered.map(\.properties.object) == [
            Value.Object([("total", .number(Value.Number(9.5, text: "9.5")))]),
            Value.Object([("total", .number(Value.Number(8)))]),
            Value.Object(), Value.Object(), Value.Object(),
            Value.Object([("total", .number(Value.Number(7)))]),
        ])
        #expect(filtered.map(\.name) == all.map(\.name))
        #expect(filtered.last?.traits.object == Value.Object()) // a track event's traits are untouched (none here)
        #expect(filtered[4].traits.object == Value.Object([("vip", .bool(true))]))
    }

    @Test func onlyWantedKeysAndTraitsAreKeptInTheirOrder() throws {
        let text = [
            #"{"type":"track","event":"Order Completed","userId":"u1","timestamp":"2026-03-01T09:00:00Z","properties":{"id":"o1","items":[{"sku":"A"}],"tot\u0061l":9.5,"x":{"total":1}}}"#,
            #"{"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:01Z","traits":{"country":"DE","vip":true,"email":"a@b.example","vip":false}}"#,
            #"{"type":"track","event":"Order Completed","userId":"u1","timestamp":"2026-03-01T09:00:02Z","properties":{"id":"o2"},"traits":{"x":1,"vip":null}}"#,
        ].joined(separator: "\n")
        let events = try read(text, Self.keyed).get()
        #expect(events[0].properties.object == Value.Object([
            ("items", .list([.object(Value.Object([("sku", .string("A"))]))])),
            ("total", .number(Value.Number(9.5, text: "9.5"))),
        ]))
        #expect(events[1].traits.object == Value.Object([("vip", .bool(false)), ("email", .string("a@b.example"))]))
        #expect(events[2].properties.isEmpty)
        #expect(events[2].traits.object == Value.Object([("vip", .null)]))
    }

    @Test(arguments: [
        #""properties":{"a":1e999}"#, #""properties":{"a":01}"#, #""properties":{"a":"\ud800"}"#,
        #""properties":{"a":[1,]}"#, #""properties":{"a" 1}"#, #""properties":[1]"#, #""properties":"x""#,
        #""properties":{"a":-1.5e400,"b":2}"#,
    ])
    func malformedPropertiesFailTheSameWithAndWithoutTheOption(properties: String) {
        for type in ["track", "identify", "page"] {
            for name in ["Order Completed", "Product Viewed"] {
                let head = #"{"type":"\#(type)","userId":"u1","timestamp":"2026-03-01T09:00:00Z""#
                for line in [head + #","event":"\#(name)","# + properties + "}", head + "," + properties + #","event":"\#(name)"}"#] {
                    guard case .failure(let expected) = read(line) else {
                        Issue.record("accepted: \(line)")
                        continue
                    }
                    for options in [Self.wanted, Self.keyed] {
                        guard case .failure(let error) = read(line, options) else {
                            Issue.record("accepted with the option: \(line)")
                            continue
                        }
                        #expect(error == expected, "\(line)")
                    }
                }
            }
        }
    }

    /// Random edits of lines: with the option, the same events (properties aside) and the same
    /// errors as without it.
    @Test func mutatedLinesReadTheSameWithAndWithoutTheOption() {
        let seeds = EventLogFuzzTests.seeds + [
            #"{"properties":{"total":12.5,"items":[{"sku":"A1","n":2}]},"type":"track","userId":"u2","event":"Order Completed","timestamp":"2026-03-01T09:07:00Z"}"#,
            #"{"type":"track","event":"Product Viewed","userId":"u3","timestamp":"2026-03-01T09:08:00Z","properties":{"price":49.9,"big":1e300,"name":"Linen"}}"#,
            #"{"type":"identify","userId":"u4","timestamp":"2026-03-01T09:09:00Z","traits":{"email":"a@b.example","big":1e300,"vip":true,"n":[1,{"a":"\u00e9"}]}}"#,
        ]
        var random = SeededGenerator(seed: 7)
        var errors = 0
        for round in 0..<6000 {
            let bytes = mutate(Array(seeds[round % seeds.count].utf8), edits: Int.random(in: 1...3, using: &random), using: &random)
            let text = String(decoding: bytes, as: UTF8.self)
            let all = read(bytes: bytes)
            for options in [Self.wanted, Self.keyed] {
                switch (all, read(bytes: bytes, options)) {
                case (.success(let expected), .success(let events)):
                    #expect(events.map(\.name) == expected.map(\.name))
                    #expect(events.map(\.contactID) == expected.map(\.contactID))
                    for (event, full) in zip(events, expected) {
                        let kept = event.kind == .track && event.name == "Order Completed"
                        let properties = Self.kept(full.properties.object, options.propertyKeysWanted)
                        #expect(event.properties.object == (kept ? properties : Value.Object()), "\(text)")
                        #expect(event.traits.object == Self.kept(full.traits.object, options.traitsWanted), "\(text)")
                    }
                case (.failure(let expected), .failure(let error)):
                    errors += 1
                    #expect(error == expected, "\(text)")
                default:
                    Issue.record("differs with the option: \(text)")
                }
            }
        }
        #expect(errors > 2000)
    }
}
