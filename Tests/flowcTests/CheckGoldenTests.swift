import Foundation
import Testing

/// One fixture project per catalog code under Fixtures/check/: `flowc check NAME` must print
/// exactly `expected.txt` (text format) and `expected.json` (`--format json`), and exit with
/// 1 when the fixture has errors, else 0.
@Suite struct CheckGoldenTests {
    static let directory = FlowcProcess.fixtures.appendingPathComponent("check")

    static let fixtureNames: [String] = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()) ?? []

    @Test func everyCatalogCodeHasAFixture() {
        let codes = Set(Self.fixtureNames.compactMap { $0.split(separator: "-").first.map(String.init) }.filter { $0.hasPrefix("FC") })
        let catalog = ["FC001", "FC002", "FC003", "FC004", "FC005", "FC006", "FC007",
                       "FC101", "FC102", "FC103", "FC104", "FC105", "FC106", "FC107", "FC108",
                       "FC201", "FC202", "FC203", "FC204", "FC205", "FC206", "FC207", "FC208", "FC209",
                       "FC301", "FC302", "FC303", "FC304", "FC305", "FC306", "FC307",
                       "FC401", "FC402", "FC403", "FC404", "FC405", "FC406", "FC407", "FC501", "FC502",
                       "FC601", "FC602", "FC603", "FC604", "FC605", "FC606", "FC607", "FC608", "FC609"]
        #expect(Set(catalog).subtracting(codes).sorted() == [])
    }

    @Test(arguments: fixtureNames)
    func textOutputMatchesGolden(fixture: String) throws {
        let result = try FlowcProcess.run(["check", fixture], in: Self.directory)
        let golden = Self.directory.appendingPathComponent(fixture).appendingPathComponent("expected.txt")
        if let expected = try Golden.expected(at: golden, actual: result.stdout) {
            #expect(result.stdout == expected)
        }
        let code = fixture.split(separator: "-").first.map(String.init) ?? ""
        if code.hasPrefix("FC") {
            #expect(result.stdout.contains("[\(code)]"), "the fixture must report its own code")
        } else {
            #expect(result.stdout.isEmpty)
        }
        let hasErrors = result.stdout.contains(": error[")
        #expect(result.status == (hasErrors ? 1 : 0), "\(result.stderr)")
    }

    @Test(arguments: fixtureNames)
    func jsonOutputMatchesGolden(fixture: String) throws {
        let result = try FlowcProcess.run(["check", fixture, "--format", "json"], in: Self.directory)
        let golden = Self.directory.appendingPathComponent(fixture).appendingPathComponent("expected.json")
        if let expected = try Golden.expected(at: golden, actual: result.stdout) {
            #expect(result.stdout == expected)
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(object["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
        for diagnostic in diagnostics {
            #expect(diagnostic["file"] is String && diagnostic["line"] is Int && diagnostic["column"] is Int)
            #expect((diagnostic["code"] as? String)?.hasPrefix("FC") == true)
        }
    }
}
