import FlowSyntax
import FlowCheck
import Foundation
import Testing

@Suite struct RenderJSONWriterTests {
    @Test func compactKeepsKeyOrderAndWritesNoSpaces() {
        let value = JSONValue.object([
            JSONMember("z", .int(-3)), JSONMember("a", .array([.bool(true), .null, .double(1.5)])),
            JSONMember("m", .object([])), JSONMember("e", .array([])),
        ])
        #expect(JSONWriter.write(value) == #"{"z":-3,"a":[true,null,1.5],"m":{},"e":[]}"#)
    }

    @Test func prettyIndentsByTwoSpaces() {
        let value = JSONValue.object([JSONMember("list", .array([.int(1), .object([JSONMember("k", .string("v"))])]))])
        #expect(JSONWriter.write(value, style: .pretty) == """
            {
              "list": [
                1,
                {
                  "k": "v"
                }
              ]
            }
            """)
    }

    @Test func optionalMembersAreDropped() {
        let value = JSONValue.object(["a": .int(1), "b": nil, "c": .string("x")])
        #expect(JSONWriter.write(value) == #"{"a":1,"c":"x"}"#)
    }

    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() {
        #expect(JSONWriter.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONWriter.quoted("\n\r\t\u{08}\u{0C}") == #""\n\r\t\b\f""#)
        #expect(JSONWriter.quoted("\u{00}\u{1F}\u{7F}") == "\"\\u0000\\u001f\u{7F}\"")
        #expect(JSONWriter.quoted("é 日本 😀 /") == "\"é 日本 😀 /\"")
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONWriter.write(.array([.double(.nan), .double(.infinity), .double(2)])) == "[null,null,2.0]")
    }

    @Test func foundationReadsBackWhatWasWritten() throws {
        let text = "quote\" slash\\ nl\n nul\u{00} bell\u{07} é 😀"
        let written = JSONWriter.write(.object([JSONMember("s", .string(text))]), style: .pretty)
        let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
        #expect(parsed?["s"] as? String == text)
    }
}
