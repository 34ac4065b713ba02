import FlowCheck
import FlowSyntax
import Testing

/// Scenario files are checked like flows: shape problems (FC004–FC007) and FC6xx rules.
@Suite struct ScenarioCheckTests {
    static func file(_ expect: String, contact: String = "contact: { traits: { email: a@b.example } }") -> String {
        """
        flow: cart
        scenarios:
          - name: s
            start: 2026-03-02T10:00:00Z
            \(contact)
            events:
              - { at: +0, track: Checkout Started }
            expect:
        \(expect)
        """
    }

    @Test func aCleanScenarioHasNoFindings() {
        #expect(ScenarioFixture.codes(Self.file("      - sent: reminder")) == [])
    }

    @Test func unknownKeysGetSuggestions() {
        let project = ScenarioFixture.project(scenario: Self.file("      - sent: { step: reminder, att: +1h }"))
        let diagnostic = Checker.check(project).first
        #expect(diagnostic?.code == "FC005")
        #expect(diagnostic?.help == "did you mean `at`?")
        #expect(diagnostic?.span.start == SourceLocation(line: 9, column: 33))
    }

    @Test(arguments: [
        ("      - sent: { step: remindr }", "FC602"),
        ("      - sent: { step: discount, variant: tenn }", "FC605"),
        ("      - sent: { template: nobody-sends-this }", "FC605"),
        ("      - sent: { flow: kart, step: reminder }", "FC601"),
        ("      - sent: { step: reminder, at: soon }", "FC603"),
        ("      - sent: { step: reminder, at: -1h }", "FC604"),
        ("      - sent: { step: reminder, between: [+2h, +1h] }", "FC604"),
        ("      - skipped: { step: reminder, reason: unsubscribe }", "FC608"),
        ("      - ended: done", "FC608"),
        ("      - { contact: bob, sent: reminder }", "FC607"),
        ("      - sent: reminder\n        ended: completed", "FC007"),
        ("      - sent: { step: reminder, at: +1h, between: [+1h, +2h] }", "FC007"),
        ("      - contact: contact", "FC006"),
        ("      - sent: [reminder]", "FC004"),
    ])
    func mistakesAreReported(expect: String, code: String) {
        #expect(ScenarioFixture.codes(Self.file(expect)) == [code])
    }

    @Test func aStepIsCheckedToBeASendStep() {
        let diagnostics = Checker.check(ScenarioFixture.project(scenario: Self.file("      - sent: \"#1\"")))
        #expect(diagnostics.map(\.message) == ["step `#1` of flow `cart` is a `wait` step, not a send step"])
    }

    @Test func expectationTimesAfterUntilAreReported() {
        let text = Self.file("      - sent: { step: reminder, at: +3h }").replacingOccurrences(
            of: "    expect:", with: "    until: +2h\n    expect:")
        #expect(ScenarioFixture.codes(text) == ["FC604"])
    }

    @Test func contactsNeedIDsAndOneOfTheTwoKeys() {
        #expect(ScenarioFixture.codes(Self.file("      - sent: reminder", contact: "contacts: [ { traits: {} } ]")) == ["FC006"])
        #expect(ScenarioFixture.codes(Self.file("      - sent: reminder", contact: "contact: {}\n    contacts: [ { id: a } ]")) == ["FC007"])
        #expect(ScenarioFixture.codes(Self.file("      - sent: reminder", contact: "contacts: [ { id: a }, { id: a } ]"))
            == ["FC607", "FC607", "FC607"]) // the duplicate id, then the event and the expectation that name no contact
    }

    @Test func duplicateNamesAcrossFilesAreReportedAtTheLaterOne() {
        let scenario = Self.file("      - sent: reminder")
        var files = [
            "cart.flow.yaml": ScenarioFixture.flow, "a.test.yaml": scenario, "b/b.test.yaml": scenario,
        ]
        for name in ["reminder", "ten", "free"] { files["templates/\(name).email.yaml"] = ScenarioFixture.template(name) }
        let diagnostics = Checker.check(ProjectLoader.load(directory: "p", files: files))
        #expect(diagnostics.map(\.code) == ["FC606"])
        #expect(diagnostics.first?.file == "p/b/b.test.yaml")
        #expect(diagnostics.first?.related.first?.file == "p/a.test.yaml")
    }

    @Test func scenarioTimeSyntax() throws {
        #expect(try ScenarioTimeSyntax.parse("+0").get() == .relative(offset: 0, at: nil))
        #expect(try ScenarioTimeSyntax.parse("+1h30m").get() == .relative(offset: 5_400_000, at: nil))
        #expect(try ScenarioTimeSyntax.parse("+2d 09:00").get() == .relative(offset: 2 * 86_400_000, at: TimeOfDay(minutes: 540)))
        #expect(try ScenarioTimeSyntax.parse("-1h").get() == .relative(offset: -3_600_000, at: nil))
        #expect(try ScenarioTimeSyntax.parse("2026-03-02T10:00:00Z").get() == .absolute(1_772_445_600_000))
        #expect(ScenarioTimeSyntax.parse("+1d2h 09:00") == .failure(.partialDaysWithTimeOfDay))
        #expect(ScenarioTimeSyntax.parse("+36501d") == .failure(.tooFar))
        for bad in ["", "+", "1h", "+1h ", "+2d 9", "+2d 09:00 x", "+-1h", "tomorrow"] {
            #expect(ScenarioTimeSyntax.parse(bad) == .failure(.unreadable), "\(bad)")
        }
    }
}
