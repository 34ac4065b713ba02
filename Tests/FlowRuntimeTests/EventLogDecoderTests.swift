import Testing
@testable import FlowRuntime
import FlowSyntax

/// One line at a time through the reader: what is an event, what is an error and where.
@Suite struct EventLogDecoderTests {
    /// The single event of a one-line log, or the error it causes.
    func read(_ line: String) throws(EventLogError) -> Event? {
        let reader = EventLogReader(bytes: Array(line.utf8), name: "events.jsonl")
        return try reader.next()
    }

    @Test func decodesTheSpecExamples() throws {
        let identify = try read(#"{"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:00Z","traits":{"email":"ana@example.com","first_name":"Ana"}}"#)
        #expect(identify?.kind == .identify)
        #expect(identify?.contactID == "u1")
        #expect(identify?.name == nil)
        #expect(identify?.timestamp == RFC3339.parse("2026-03-01T09:00:00Z"))
        #expect(identify?.traits["email"] == .string("ana@example.com"))
        #expect(identify?.line == 1)

        let track = try read(#"{"type":"track","userId":"u1","event":"Checkout Started","timestamp":"2026-03-01T09:05:00.250Z","properties":{"checkout_id":"k1","value":59.9}}"#)
        #expect(track?.kind == .track)
        #expect(track?.name == "Checkout Started")
        #expect(track?.timestamp == 1_772_355_900_250)
        #expect(track?.properties["value"] == .number(Value.Number(59.9, text: "59.9")))
        #expect(track?.properties.object.keys == ["checkout_id", "value"])
    }

    @Test func contactIDFallsBackToAnonymousIDAndAcceptsNumbers() throws {
        let anonymous = try read(#"{"type":"identify","userId":null,"anonymousId":"a7","timestamp":"2026-03-01T09:00:00+01:00"}"#)
        #expect(anonymous?.contactID == "a7")
        #expect(anonymous?.timestamp == RFC3339.parse("2026-03-01T08:00:00Z"))
        let empty = try read(#"{"type":"identify","userId":"","anonymousId":"a8","timestamp":"2026-03-01T09:00:00Z"}"#)
        #expect(empty?.contactID == "a8")
        let numeric = try read(#"{"type":"identify","userId":1042,"timestamp":"2026-03-01T09:00:00Z"}"#)
        #expect(numeric?.contactID == "1042")
    }

    @Test func escapedKeysAndValuesAreDecoded() throws {
        let event = try read(#"{"typ\u0065":"track","userId":"u\u00e9","event":"Caf\u00e9 Visited","timestamp":"2026-03-01T09:00:00Z"}"#)
        #expect(event?.contactID == "ué")
        #expect(event?.name == "Café Visited")
    }

    @Test func nullPropertiesAndTraitsCountAsAbsent() throws {
        let event = try read(#"{"type":"track","userId":"u1","event":"E","timestamp":"2026-03-01T09:00:00Z","properties":null,"traits":null}"#)
        #expect(event?.properties.isEmpty == true)
        #expect(event?.traits.isEmpty == true)
    }

    @Test(arguments: [
        (#"{"userId":"u1","timestamp":"2026-03-01T09:00:00Z"}"#, 1, "missing `type`"),
        (#"{"type":7,"userId":"u1","timestamp":"2026-03-01T09:00:00Z"}"#, 9, "`type` must be a string, found a number"),
        (#"{"type":"trak","userId":"u1","timestamp":"2026-03-01T09:00:00Z"}"#, 9, "unknown event type `trak`"),
        (#"{"type":"identify","timestamp":"2026-03-01T09:00:00Z"}"#, 1, "event has neither `userId` nor `anonymousId`"),
        (#"{"type":"identify","userId":{"id":1},"timestamp":"2026-03-01T09:00:00Z"}"#, 29, "`userId` must be a string, found an object"),
        (#"{"type":"identify","userId":"u1"}"#, 1, "missing `timestamp`"),
        (#"{"type":"identify","userId":"u1","timestamp":1772355600}"#, 46, "`timestamp` must be a string, found a number"),
        (#"{"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:00"}"#, 46, "invalid timestamp `2026-03-01T09:00:00`"),
        (#"{"type":"track","userId":"u1","timestamp":"2026-03-01T09:00:00Z"}"#, 1, "`track` event without `event`"),
        (#"{"type":"track","userId":"u1","event":["E"],"timestamp":"2026-03-01T09:00:00Z"}"#, 39, "`event` must be a string, found an array"),
        (#"{"type":"track","userId":"u1","event":"","timestamp":"2026-03-01T09:00:00Z"}"#, 39, "empty `event` name"),
        (#"{"type":"track","userId":"u1","event":"E","timestamp":"2026-03-01T09:00:00Z","properties":[1]}"#, 91, "`properties` must be an object, found an array"),
        (#"{"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:00Z","traits":true}"#, 78, "`traits` must be an object, found a boolean"),
        (#"{"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:00Z","messageId":false}"#, 81, "`messageId` must be a string, found a boolean"),
        (#"["type","identify"]"#, 1, "expected an event object `{…}`, found `[`"),
        (#"{"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:00Z","context":{"ip":01}}"#, 85, "invalid number: leading zeros are not allowed"),
        (#"{"type":"identify","userId":"ü1","timestamp":"2026-03-01T09:00:00Z",}"#, 69, "expected a string key after `,` in object (trailing commas are not allowed), found `}`"),
    ])
    func rejectsInvalidLines(line: String, column: Int, message: String) {
        do {
            let event = try read(line)
            Issue.record("accepted: \(String(describing: event))")
        } catch {
            #expect(error.file == "events.jsonl")
            #expect(error.line == 1)
            #expect(error.column == column)
            #expect(error.message == message)
        }
    }

    @Test func errorsPrintWithLocationAndHelp() {
        #expect(throws: EventLogError.self) { try read(#"{"type":"page","userId":"u1","timestamp":"yesterday"}"#) }
        do {
            _ = try read(#"{"type":"page","userId":"u1","timestamp":"yesterday"}"#)
        } catch {
            #expect(error.description == """
                events.jsonl:1:42: error: invalid timestamp `yesterday`
                  = help: write an RFC 3339 time with `Z` or an offset, like `2026-03-01T09:00:00Z` or `2026-03-01T10:00:00+01:00`
                """)
        }
    }
}
