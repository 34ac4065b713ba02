import FlowExplain
import FlowIR
import FlowMail
import FlowRuntime
import FlowSyntax
import Testing

/// `StoryBuilder`: one contact's story from a replay, with the values conditions saw.
@Suite struct StoryBuilderTests {
    static let flow = """
        flow: tiers
        trigger: { event: Go }
        entry: { retrigger: ignore }
        steps:
          - id: pick
            branch:
              - if: contact.plan == "pro"
                goto: pro
              - if: count("Go") > 1
                goto: again
          - id: basic
            wait: 1h
          - id: again
            goto: end
          - id: pro
            update: { plan: gold }
        """

    static func story(of contact: String, _ lines: [String], flow: String = flow) throws -> Story {
        let project = ProjectLoader.load(directory: "flows", files: [
            "tiers.flow.yaml": flow,
            "templates/hello.email.yaml": "subject: Hi\ntext: Hello {{unsubscribe_url}}\n",
        ])
        let compiled = IRCompiler.compile(project)
        let renderer = try TemplateRenderer(templates: project.templates.values.map(TemplateSource.init), unsubscribeURL: nil)
        let reader = EventLogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8), name: "events.jsonl")
        return try StoryBuilder.replay(contact: contact, project: project, compiled: compiled, renderer: renderer, events: reader).story
    }

    static let log = [
        #"{"type":"identify","userId":"u1","timestamp":"2026-03-02T09:00:00Z","traits":{"plan":"free"}}"#,
        #"{"type":"identify","userId":"u2","timestamp":"2026-03-02T09:00:00Z","traits":{"plan":"pro"}}"#,
        #"{"type":"track","userId":"u1","event":"Go","timestamp":"2026-03-02T10:00:00Z"}"#,
        #"{"type":"track","userId":"u2","event":"Go","timestamp":"2026-03-02T10:00:00Z"}"#,
        #"{"type":"track","userId":"u1","event":"Go","timestamp":"2026-03-02T10:30:00Z"}"#,
    ]

    @Test func branchShowsEachConditionItEvaluatedWithTheValuesItSaw() throws {
        let story = try Self.story(of: "u1", Self.log)
        let branches = story.entries.compactMap { entry -> ([ConditionDetail], String)? in
            if case .branch(let conditions, let target) = entry.event { (conditions, target) } else { nil }
        }
        try #require(branches.count == 1)
        #expect(branches[0].1 == "basic")
        #expect(branches[0].0.map(\.text) == [#"contact.plan == "pro""#, #"count("Go") > 1"#])
        #expect(branches[0].0.map(\.held) == [false, false])
        #expect(branches[0].0[0].values.map(\.expression) == ["contact.plan"])
        #expect(branches[0].0[0].values.map(\.value) == [.string("free")])
        #expect(branches[0].0[1].values.map(\.expression) == [#"count("Go")"#])
        #expect(branches[0].0[1].values.map(\.value) == [.number(.init(1))])
    }

    /// The replay reports when mail was suppressed: the latest unsubscribe, complaint or hard
    /// bounce before the skip; a resubscribe lifts it, a soft bounce does not suppress.
    @Test func skipsSaySinceWhenMailIsSuppressed() throws {
        let news = "flow: news\ntrigger: { event: Go }\nsteps:\n  - send: hello\n"
        func skips(_ events: [String]) throws -> [String] {
            let lines = [#"{"type":"identify","userId":"u1","timestamp":"2026-03-02T00:00:00Z","traits":{"email":"ana@example.com"}}"#]
                + events.enumerated().map { index, name in
                    let type = name.hasPrefix("soft ") ? #","properties":{"type":"soft"}"# : ""
                    let event = name.hasPrefix("soft ") ? String(name.dropFirst(5)) : name
                    return #"{"type":"track","userId":"u1","event":"\#(event)","timestamp":"2026-03-02T0\#(index + 1):30:00Z"\#(type)}"#
                }
            return try Self.story(of: "u1", lines, flow: news).entries.compactMap { entry in
                if case .skipped(let reason, let detail) = entry.event { "\(reason): \(detail)" } else { nil }
            }
        }
        #expect(try skips(["Unsubscribed", "Unsubscribed", "Go"]) == ["unsubscribed: the contact unsubscribed at 2026-03-02T02:30:00Z"])
        #expect(try skips(["Unsubscribed", "Subscribed", "Email Marked as Spam", "Go"])
            == ["spam: the contact marked a message as spam at 2026-03-02T03:30:00Z"])
        #expect(try skips(["soft Email Bounced", "Go"]) == [])
        #expect(try skips(["Email Bounced", "soft Email Bounced", "Go"]) == ["bounced: a message to the contact bounced at 2026-03-02T01:30:00Z"])
    }

    @Test func keepsOnlyTheContactsOwnEntriesInOrder() throws {
        let story = try Self.story(of: "u2", Self.log)
        #expect(story.contact == "u2")
        let text = StoryText.render(story)
        #expect(text == """
            Story of contact u2
            2026-03-02T09:00:00Z  trait plan = "pro"
            2026-03-02T10:00:00Z  event Go
            2026-03-02T10:00:00Z  tiers: entered on Go, entry 1
            2026-03-02T10:00:00Z  tiers/pick: reached: branch
            2026-03-02T10:00:00Z  tiers/pick: branch goes to pro
                `contact.plan == "pro"` is true
                  contact.plan = "pro"
            2026-03-02T10:00:00Z  tiers/pro: reached: update plan
            2026-03-02T10:00:00Z  trait plan = "gold" (was "pro")
            2026-03-02T10:00:00Z  tiers: ended (completed)

            """)
    }

    @Test func anActiveInstanceRefusesTheTriggerWithItsStartTime() throws {
        let story = try Self.story(of: "u1", Self.log)
        let refusals = story.entries.compactMap { entry -> String? in
            if case .notEntered(_, let reason, let detail, _) = entry.event { "\(reason): \(detail)" } else { nil }
        }
        #expect(refusals == ["active: an instance is running since 2026-03-02T10:00:00Z and retrigger is ignore"])
    }
}
