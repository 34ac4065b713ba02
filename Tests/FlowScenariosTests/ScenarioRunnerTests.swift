import FlowScenarios
import FlowSyntax
import Testing

@Suite struct ScenarioRunnerTests {
    static let header = """
    flow: cart
    scenarios:
      - name: s
        start: 2026-03-02T10:00:00+01:00
        contact: { id: ana, traits: { email: ana@example.com } }
        events:
          - { at: +0, track: Checkout Started }

    """

    @Test func metExpectationsPass() throws {
        let results = try ScenarioFixture.run(Self.header + """
            expect:
              - sent: { step: reminder, at: +1h }
              - sent: { step: discount, between: [+1d, +2d] }
              - not_sent: { template: reminder, at: +2h }
              - ended: { reason: completed, at: +1d1h }
              - traits: { stage: done, email: ana@example.com, vip: null }
        """)
        #expect(results.count == 1)
        #expect(results[0].failures == [])
        #expect(results[0].passed)
    }

    @Test func aMissingSendFailsAtItsLineWithAMissingTimelineLine() throws {
        let results = try ScenarioFixture.run(Self.header + """
            expect:
              - sent: reminder
              - sent: { step: reminder, at: +2h }
        """)
        let failure = try #require(results.first?.failures.first)
        #expect(results[0].failures.count == 1)
        #expect(failure.position == "p/cart.test.yaml:10:9")
        #expect(failure.message.contains("expected a send from `cart/reminder` at +2h (2026-03-02T11:00:00Z), found 0; sent at +1h (2026-03-02T10:00:00Z)"))
        let missing = results[0].timeline.filter { $0.mark == .missing }
        #expect(missing.map(\.text) == ["send cart/reminder"])
        #expect(missing.first?.expectation == "p/cart.test.yaml:10:9")
        // The missing line sits between what happened before and after its time.
        let texts = results[0].timeline.map(\.text)
        let index = try #require(texts.firstIndex(of: "send cart/reminder"))
        #expect(texts[index - 1] == "send cart/reminder template=reminder")
    }

    @Test func expectationTimesTheRunCannotReachFailInsteadOfPassingByDefault() throws {
        let before = try ScenarioFixture.run(Self.header + """
            expect:
              - not_sent: { step: reminder, at: "+0 08:00" }
        """)
        #expect(before[0].failures.map(\.message) == [
            "expectation time `+0 08:00` is 2026-03-02T07:00:00Z, before the scenario's start 2026-03-02T09:00:00Z",
        ])
        let afterUntil = try ScenarioFixture.run(Self.header.replacingOccurrences(of: "    events:", with: "    until: \"+1d 18:00\"\n    events:") + """
            expect:
              - not_sent: { step: discount, between: ["+2d 10:00", "+2d 09:00"] }
        """)
        #expect(afterUntil[0].failures.map(\.message) == [
            "expectation time `+2d 10:00` is 2026-03-04T09:00:00Z, after `until` 2026-03-03T17:00:00Z: the run stops before it, so it cannot be checked",
            "expectation time `+2d 09:00` is 2026-03-04T08:00:00Z, after `until` 2026-03-03T17:00:00Z: the run stops before it, so it cannot be checked",
            "`between` starts at `+2d 10:00`, after its end `+2d 09:00`: write the earlier time first",
        ])
    }

    @Test func aForbiddenSendIsMarkedUnexpected() throws {
        let results = try ScenarioFixture.run(Self.header + """
            expect:
              - not_sent: reminder
        """)
        let unexpected = results[0].timeline.filter { $0.mark == .unexpected }
        #expect(unexpected.map(\.text) == ["send cart/reminder template=reminder"])
        #expect(results[0].failures.map(\.message) == ["expected no send from `cart/reminder`, found 1: at +1h (2026-03-02T10:00:00Z)"])
    }

    @Test func traitAndEndFailuresSayWhatWasFound() throws {
        let results = try ScenarioFixture.run(Self.header + """
            expect:
              - traits: { stage: started }
              - ended: converted
        """)
        let messages = results[0].failures.map(\.message)
        #expect(messages == [
            "expected trait `stage` to be \"started\" after the run, found \"done\"",
            "expected an instance of `cart` to end as `converted`, but it ended `completed` at +1d1h (2026-03-03T10:00:00Z)",
        ])
    }

    @Test func localTimesUseTheContactsZone() throws {
        // 2026-03-02 in New York is UTC-5: `+1d 09:00` local is 14:00Z the next day.
        let results = try ScenarioFixture.run("""
            flow: cart
            scenarios:
              - name: s
                start: 2026-03-02T10:00:00Z
                contact: { id: ana, timezone: America/New_York, traits: { email: ana@example.com } }
                events:
                  - { at: "+1d 08:00", track: Checkout Started }
                expect:
                  - sent: { step: reminder, at: 2026-03-03T14:00:00Z }
            """)
        #expect(results[0].failures == [])
    }

    @Test func theClockDrainsRunningInstancesByDefaultAndStopsAtUntil() throws {
        let drained = try ScenarioFixture.run(Self.header + """
            expect:
              - sent: reminder
        """)
        #expect(drained[0].timeline.contains { $0.text.hasPrefix("send cart/discount") })
        let stopped = try ScenarioFixture.run(Self.header + """
            until: +2h
            expect:
              - sent: reminder
              - not_sent: discount
        """)
        #expect(stopped[0].failures == [])
    }

    @Test func severalContactsAreReplayedTogether() throws {
        let results = try ScenarioFixture.run("""
            flow: cart
            scenarios:
              - name: s
                start: 2026-03-02T10:00:00Z
                contacts:
                  - { id: ana, traits: { email: ana@example.com } }
                  - { id: ben, traits: { email: ben@example.com } }
                events:
                  - { at: +0, contact: ana, track: Checkout Started }
                  - { at: +30m, contact: ben, track: Checkout Started }
                  - { at: +45m, contact: ben, track: Order Completed }
                expect:
                  - { contact: ana, sent: { step: reminder, at: +1h } }
                  - { contact: ben, not_sent: reminder }
                  - { contact: ben, ended: { reason: converted, at: +45m } }
            """)
        #expect(results[0].failures == [])
    }
}
