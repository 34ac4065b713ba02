@testable import FlowMail
import FlowSyntax
import Testing
import TestSupport

@Suite struct TemplateReferencesTests {
    typealias Reference = TemplateReferences.Reference

    @Test func listsTagsWithKindsNamesAndScalarOffsets() {
        let text = "Hé {{contact.first_name}}{{^contact.first_name}}there{{/contact.first_name}} {{{a}}}{{& b.c}}{{! note }}{{> footer}}"
        let scan = TemplateReferences.scan(text)
        #expect(scan.error == nil)
        #expect(scan.references == [
            Reference(kind: .variable, name: "contact.first_name", range: 3..<25),
            Reference(kind: .inverted, name: "contact.first_name", range: 25..<48),
            Reference(kind: .end, name: "contact.first_name", range: 53..<76),
            Reference(kind: .unescaped, name: "a", range: 77..<84),
            Reference(kind: .unescaped, name: "b.c", range: 84..<93),
            Reference(kind: .comment, name: "", range: 93..<104),
            Reference(kind: .partial, name: "footer", range: 104..<116),
        ])
        #expect(scan.references[0].path == ["contact", "first_name"])
    }

    @Test func offsetsCountUnicodeScalars() {
        // "👩‍👩‍👧" is one Character of five scalars; "\r\n" is one Character of two.
        let scan = TemplateReferences.scan("👩‍👩‍👧\r\n{{x}}")
        #expect(scan.references == [Reference(kind: .variable, name: "x", range: 7..<12)])
    }

    @Test func transformsAndSetDelimitersAndPragmas() {
        let scan = TemplateReferences.scan("{{uppercased(contact.name)}}{{=<% %>=}}<%#items%><%name%><%/items%><%={{ }}=%>{{% CONTENT_TYPE: TEXT}}")
        #expect(scan.error == nil)
        #expect(scan.references.map(\.kind) == [.variable, .setDelimiter, .section, .variable, .end, .setDelimiter, .pragma])
        #expect(scan.references[0].name == "contact.name")
        #expect(scan.references[0].transforms == ["uppercased"])
        #expect(scan.references[3].name == "name")
        #expect(scan.references[3].range == 49..<57)
    }

    @Test func reportsErrorsWithPositions() {
        let unclosedTag = TemplateReferences.scan("ab {{name")
        #expect(unclosedTag.error?.range.lowerBound == 3)

        let unclosedSection = TemplateReferences.scan("x {{#items}} y")
        #expect(unclosedSection.error?.range == 2..<12)
        #expect(unclosedSection.error?.message.contains("{{/items}}") == true)

        let mismatched = TemplateReferences.scan("{{#a}}{{#b}}{{/a}}{{/b}}")
        #expect(mismatched.error?.range == 12..<18)
        #expect(mismatched.error?.message.contains("`b`") == true)

        let stray = TemplateReferences.scan("{{/a}}")
        #expect(stray.error?.range == 0..<6)

        let badName = TemplateReferences.scan("hi {{first name}}")
        #expect(badName.error?.range.lowerBound == 3)

        let unclosedComment = TemplateReferences.scan("{{! never")
        #expect(unclosedComment.error != nil)
    }

    /// Broken templates both swift-mustache and the scanner reject.
    static let broken = [
        "{{x", "{{x}", "{{#a}}", "{{/a}}", "{{#a}}{{/b}}", "{{#a}}{{#b}}{{/a}}{{/b}}", "{{{x}}", "{{a b}}",
        "{{! x", "{{=<% %>}}", "{{= =}}", "{{%CONTENT_TYPE: JSON}}", "{{%X}}", "{{a(b}}", "{{a(b))}}", "{{$b(x)}}{{/b(x)}}",
        "{{<p}}{{x}}{{/p}}", "{{<p}}{{#x}}{{/x}}{{/p}}", "text {", "{{=<% %>=}}<%x", "{{#a}}{{=<% %>=}}<%/a}}",
        "{{#up(a)}}{{/a}}", "{{<p/q}}{{/p/q}}",
    ]

    /// Valid templates, some of them odd, that swift-mustache and the scanner accept.
    static let valid = [
        "", "plain", "{{x}}", "{{ x }}", "{{#a}}{{/a}}", "{{^a}}b{{/a}}", "{{{x}}}", "{{&x}}", "{{! c }}", "{{>p}}", "{{>*p}}",
        "{{}}", "{{.}}", "{{=<% %>=}}<%x%>", "{{%CONTENT_TYPE: TEXT}}", "{{up(a)}}", "{{a(b(c))}}", "{{#up(a)}}{{/up(a)}}",
        "{{<p}}{{$b}}x{{/b}}{{/p}}", "{{<p}}{{! c }}\n{{/p}}", "{{$b}}x{{/b}}", "abc{{", "{{\nx}}", "a { b } c", "x\r\n{{y}}\r\n",
        "{{#a}}\n  {{b}}\n{{/a}}\n", "{{!x}y}}", "{{#a}}{{=| |=}}|b||/a|",
    ]

    @Test(arguments: broken) func rejectsWhatSwiftMustacheRejects(_ template: String) {
        #expect(!compiles(template))
        #expect(TemplateReferences.scan(template).error != nil)
    }

    @Test(arguments: valid) func acceptsWhatSwiftMustacheAccepts(_ template: String) {
        #expect(compiles(template))
        #expect(TemplateReferences.scan(template).error == nil, "\(TemplateReferences.scan(template).error?.message ?? "")")
    }

    /// Random templates built from tag fragments: the scanner and swift-mustache always agree.
    @Test func agreesWithSwiftMustacheOnGeneratedTemplates() {
        let pieces = ["{{", "}}", "{", "}", "#a", "/a", "^a", "#b", "/b", "!", "=", "<% %>", "%>", "<%", "$b", "<p", "/p", ">p",
                      "&", " ", "\n", "x", "(", ")", "%CONTENT_TYPE:TEXT", ".", "*", "é"]
        var generator = SeededGenerator(seed: 42)
        var disagreements: [String] = []
        for _ in 0..<4000 {
            let length = Int(generator.next() % 9) + 1
            let template = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            if compiles(template) != (TemplateReferences.scan(template).error == nil) { disagreements.append(template) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    private func compiles(_ template: String) -> Bool {
        (try? CompiledText(template, escaping: .html, place: "test")) != nil
    }
}
