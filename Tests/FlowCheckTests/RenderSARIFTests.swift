import FlowCheck
import FlowSyntax
import Foundation
import Testing

@Suite struct RenderSARIFTests {
    let renderer = SARIFRenderer(toolVersion: "0.1.0", informationURI: "https://example.com/flowc")

    func parse(_ diagnostics: [Diagnostic]) throws -> [String: Any] {
        let output = renderer.render(diagnostics)
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func logHeaderAndDriver() throws {
        let log = try parse([])
        #expect(log["$schema"] as? String == SARIFRenderer.schemaURI)
        #expect(log["version"] as? String == "2.1.0")
        let run = try run(log)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        #expect((run["results"] as? [Any])?.isEmpty == true)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "flowc")
        #expect(driver["version"] as? String == "0.1.0")
        #expect(driver["informationUri"] as? String == "https://example.com/flowc")
    }

    @Test func rulesComeFromTheCatalog() throws {
        let driver = try #require((try run(parse([]))["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleCatalog.all.count)
        for (object, rule) in zip(rules, RuleCatalog.all) {
            #expect(object["id"] as? String == rule.code)
            #expect(object["name"] as? String == rule.name)
            #expect((object["shortDescription"] as? [String: Any])?["text"] as? String == rule.summary)
            #expect((object["fullDescription"] as? [String: Any])?["text"] as? String == "\(rule.summary) \(rule.help)")
            #expect((object["help"] as? [String: Any])?["text"] as? String == rule.help)
            let level = (object["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == (rule.severity == .error ? "error" : "warning"))
        }
    }

    @Test func resultsPointIntoTheRulesAndTheSource() throws {
        let results = try #require(try run(parse(RenderFixtures.all))["results"] as? [[String: Any]])
        #expect(results.count == RenderFixtures.all.count)
        let first = results[0]
        #expect(first["ruleId"] as? String == "FC101")
        #expect(first["ruleIndex"] as? Int == RuleCatalog.index(of: "FC101"))
        #expect(first["level"] as? String == "error")
        #expect((first["message"] as? [String: Any])?["text"] as? String
            == "unknown step `discount-ofer` in `goto`\nhelp: did you mean `discount-offer`?")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "flows/cart.flow.yaml")
        let region = try #require(location["region"] as? [String: Int])
        #expect(region == ["startLine": 8, "startColumn": 11, "endLine": 8, "endColumn": 24])
        #expect(first["relatedLocations"] == nil)
        #expect(results[1]["level"] as? String == "warning")
    }

    @Test func relatedLocationsAreListed() throws {
        let result = try #require((try run(parse([RenderFixtures.duplicateID]))["results"] as? [[String: Any]])?.first)
        let related = try #require((result["relatedLocations"] as? [[String: Any]])?.first)
        #expect(related["id"] as? Int == 0)
        #expect((related["message"] as? [String: Any])?["text"] as? String == "first defined here")
        let region = (related["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
        #expect(region == ["startLine": 6, "startColumn": 9, "endLine": 6, "endColumn": 17])
    }

    @Test func unknownCodesHaveNoRuleIndexAndInfoIsANote() throws {
        let diagnostic = Diagnostic(
            file: "f.yaml", span: SourceSpan(line: 1, column: 1), severity: .info, code: "FC999", message: "m")
        let result = try #require((try run(parse([diagnostic]))["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "FC999")
        #expect(result["ruleIndex"] == nil)
        #expect(result["level"] as? String == "note")
    }

    @Test func informationURIIsOmittedWhenUnknown() {
        #expect(!SARIFRenderer(toolVersion: "1").render([]).contains("informationUri"))
    }

    @Test func artifactURIsAreRelativeForwardSlashedAndEncoded() throws {
        let files = ["./flows/a.flow.yaml", "flows\\sub\\b.flow.yaml", "flows/my flow%#.yaml", "flows/é.yaml", "/abs/c.yaml",
                     "a:b.yaml"]
        let diagnostics = files.map {
            Diagnostic(file: $0, span: SourceSpan(line: 1, column: 1), severity: .error, code: "FC001", message: "m")
        }
        let results = try #require(try run(parse(diagnostics))["results"] as? [[String: Any]])
        let uris = results.map {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }
        }
        #expect(uris == ["flows/a.flow.yaml", "flows/sub/b.flow.yaml", "flows/my%20flow%25%23.yaml", "flows/%C3%A9.yaml",
                         "file:///abs/c.yaml", "a%3Ab.yaml"])
    }
}
