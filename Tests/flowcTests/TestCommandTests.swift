import Foundation
import Testing

/// `flowc test`: the demo's scenarios pass; a failing scenario prints a readable diff with the
/// failing expectation's file:line:col; JSON and JUnit XML are well formed.
@Suite struct TestCommandTests {
    static let directory = FlowcProcess.fixtures.appendingPathComponent("test")

    @Test func theDemoScenariosPass() throws {
        let result = try FlowcProcess.run(["test", "flows"], in: FlowcProcess.packageRoot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(" passed, 0 failed\n"))
        #expect(!result.stdout.contains("FAIL"))
    }

    @Test func aFailingScenarioPrintsItsDiffAndExitsOne() throws {
        let result = try FlowcProcess.run(["test", "failing"], in: Self.directory)
        #expect(result.status == 1)
        if let expected = try Golden.expected(at: Self.directory.appendingPathComponent("failing/expected.txt"), actual: result.stdout) {
            #expect(result.stdout == expected)
        }
        #expect(result.stdout.contains("ok    hello at once\n"))
        #expect(result.stdout.contains("FAIL  the second mail a day later  (failing/main.test.yaml:12:5)\n"))
        #expect(result.stdout.contains("  failing/main.test.yaml:18:9: expected a send from `demo/again` at +2d"))
        #expect(result.stdout.contains("  failing/main.test.yaml:19:9: expected no send from `demo/hello`"))
        let diff = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  - ") || $0.hasPrefix("  + ") }
        #expect(diff.count == 2)
        #expect(diff.allSatisfy { $0.hasSuffix("<- failing/main.test.yaml:18:9") || $0.hasSuffix("<- failing/main.test.yaml:19:9") })
    }

    @Test func junitOutputIsValidXMLWithOneTestcasePerScenario() throws {
        let result = try FlowcProcess.run(["test", "failing", "--format", "junit"], in: Self.directory)
        #expect(result.status == 1)
        let summary = try Self.python("""
            import sys, xml.etree.ElementTree as ET
            root = ET.fromstring(sys.stdin.read())
            cases = root.findall("./testsuite/testcase")
            failed = [c.get("name") for c in cases if c.find("failure") is not None]
            print(root.tag, root.get("tests"), root.get("failures"), len(cases), failed, cases[1].find("failure").get("message"))
            """, input: result.stdout)
        #expect(summary == "testsuites 2 1 2 ['the second mail a day later'] failing/main.test.yaml:18:9: expected a send from `demo/again` at +2d (2026-03-04T10:00:00Z), found 0; sent at +1d (2026-03-03T10:00:00Z)\n")
    }

    @Test func jsonOutputListsEveryScenarioWithItsFailures() throws {
        let result = try FlowcProcess.run(["test", "failing/main.test.yaml", "--format", "json"], in: Self.directory)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["passed"] as? Int == 1 && object["failed"] as? Int == 1)
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["status"] as? String } == ["passed", "failed"])
        let failures = try #require(scenarios[1]["failures"] as? [[String: Any]])
        #expect(failures.map { $0["line"] as? Int } == [18, 19])
    }

    @Test func aProjectWithErrorsIsNotRun() throws {
        let result = try FlowcProcess.run(["test", "FC602-unknown-scenario-step"], in: CheckGoldenTests.directory)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error[FC602]"))
    }

    @Test func aProjectWithoutScenariosFails() throws {
        let result = try FlowcProcess.run(["test", "ok"], in: CheckGoldenTests.directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no scenarios found"))
    }

    /// Runs a Python 3 script with `input` on standard input and returns its standard output.
    static func python(_ script: String, input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
