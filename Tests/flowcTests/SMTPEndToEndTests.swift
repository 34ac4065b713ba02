import Foundation
import Testing

/// `flowc run --smtp` against a real SMTP server (aiosmtpd, see `smtp_server.py`): the demo
/// project end to end, retries, hard bounces, deferrals, STARTTLS, smtps and AUTH.
@Suite(.serialized) struct SMTPEndToEndTests {
    static let flows = FlowcProcess.packageRoot.appendingPathComponent("flows").path
    static let demoLog = FlowcProcess.packageRoot.appendingPathComponent("flows/demo/events.jsonl")

    /// The send records of `flowc run --dry-run --json`.
    static func plannedSends(_ arguments: [String], in directory: URL) throws -> [[String: Any]] {
        let result = try FlowcProcess.run(["run"] + arguments + ["--dry-run", "--json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["kind"] as? String == "send" ? object : nil
        }
    }

    /// The first `count` lines of the demo log, written to `name` in `directory`.
    static func demoPrefix(_ count: Int, named name: String, in directory: URL) throws -> String {
        let lines = try String(contentsOf: demoLog, encoding: .utf8).split(separator: "\n").prefix(count)
        let url = directory.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func deliversTheDemoLikeTheDryRunAndOnlyOnce() throws {
        let work = try ScratchDirectory("smtp-e2e")
        defer { work.remove() }
        let tls = try SMTPTestServer.makeCertificate(in: work.url)
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--tls-cert", tls.certificate, "--tls-key", tls.key])
        defer { server.stop() }
        let common = [Self.flows, "--events", Self.demoLog.path]

        let planned = try Self.plannedSends(common + ["--state", "state"], in: work.url)
        #expect(planned.count > 1000)
        let first = try FlowcProcess.run(["run"] + common + ["--smtp", server.url, "--smtp-ca", tls.certificate, "--state", "state"], in: work.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("(\(planned.count) delivered to \(server.url), 0 already delivered)"), "\(first.stderr)")

        let stored = try server.stored()
        #expect(stored.count == planned.count)
        let expected = planned.map { send in
            ["<\(send["id"] as? String ?? "")@shop.example>", send["to"] as? String ?? "", send["to"] as? String ?? "", send["subject"] as? String ?? ""]
        }.sorted { $0[0] < $1[0] }
        let actual = stored.map { message in
            ["message_id", "rcpt_to", "to", "subject"].map { message[$0] as? String ?? "" }
        }
        #expect(actual == expected)

        // Same MIME structure, headers and decoded text as the outbox writes.
        let outbox = try FlowcProcess.run(["run"] + common + ["--outbox", "outbox", "--state", "outbox-state"], in: work.url)
        #expect(outbox.status == 0, "\(outbox.stderr)")
        let written = try SMTPTestServer.dump(maildir: work.url.appendingPathComponent("outbox"))
        let compared = ["message_id", "from", "to", "subject", "list_unsubscribe", "content_type", "parts"]
        #expect(written.count == stored.count)
        let differing = zip(stored, written).filter { server, file in
            !NSDictionary(dictionary: server.filter { compared.contains($0.key) }).isEqual(to: file.filter { compared.contains($0.key) })
        }
        #expect(differing.isEmpty, "\(differing.count) messages differ, first: \(String(describing: differing.first))")
        #expect(stored.contains { $0["list_unsubscribe"] is String })

        let again = try FlowcProcess.run(["run"] + common + ["--smtp", server.url, "--smtp-ca", tls.certificate, "--state", "state"], in: work.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("(0 delivered to \(server.url), \(planned.count) already delivered)"), "\(again.stderr)")
        #expect(try server.stored().count == planned.count)
    }

    @Test func retriesTemporaryFailuresInTheSameRun() throws {
        let work = try ScratchDirectory("smtp-retry")
        defer { work.remove() }
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--defer-first"])
        defer { server.stop() }
        let log = try Self.demoPrefix(150, named: "events.jsonl", in: work.url)
        let planned = try Self.plannedSends([Self.flows, "--events", log], in: work.url)
        #expect(!planned.isEmpty)
        let run = try FlowcProcess.run(["run", Self.flows, "--events", log, "--smtp", server.url, "--smtp-insecure"], in: work.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("(\(planned.count) delivered"), "\(run.stderr)")
        let ids = try server.stored().compactMap { $0["message_id"] as? String }
        #expect(ids.count == planned.count && Set(ids).count == ids.count)
    }

    @Test func deferredMessagesFailTheRunAndAreDeliveredByTheNext() throws {
        let work = try ScratchDirectory("smtp-deferred")
        defer { work.remove() }
        let log = try Self.demoPrefix(40, named: "events.jsonl", in: work.url)
        let planned = try Self.plannedSends([Self.flows, "--events", log], in: work.url)
        #expect(!planned.isEmpty)
        let busy = try SMTPTestServer(maildir: work.url.appendingPathComponent("busy"), options: ["--always-defer"])
        let refused = try FlowcProcess.run(["run", Self.flows, "--events", log, "--smtp", busy.url, "--smtp-insecure"], in: work.url)
        busy.stop()
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(planned.count) deferred"), "\(refused.stderr)")
        #expect(refused.stderr.contains("run again to retry them"), "\(refused.stderr)")
        #expect(try busy.stored().isEmpty)

        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"))
        defer { server.stop() }
        let retried = try FlowcProcess.run(["run", Self.flows, "--events", log, "--smtp", server.url, "--smtp-insecure"], in: work.url)
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stderr.contains("(\(planned.count) delivered"), "\(retried.stderr)")
        #expect(try server.stored().count == planned.count)
    }

    @Test func aRelayAllowingFewerConnectionsThanThePoolStillGetsEverything() throws {
        let work = try ScratchDirectory("smtp-few-connections")
        defer { work.remove() }
        let log = try Self.demoPrefix(300, named: "events.jsonl", in: work.url)
        let planned = try Self.plannedSends([Self.flows, "--events", log], in: work.url)
        #expect(planned.count > 20)
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--max-connections", "2", "--delay", "0.05"])
        defer { server.stop() }
        let run = try FlowcProcess.run(["run", Self.flows, "--events", log, "--smtp", server.url, "--smtp-insecure", "--smtp-connections", "4"], in: work.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("(\(planned.count) delivered"), "\(run.stderr)")
        #expect(try server.stored().count == planned.count)
    }

    @Test func aRefusedRecipientIsAHardBounceForLaterRuns() throws {
        let work = try ScratchDirectory("smtp-bounce")
        defer { work.remove() }
        let log = try Self.demoPrefix(300, named: "events.jsonl", in: work.url)
        let planned = try Self.plannedSends([Self.flows, "--events", log], in: work.url)
        let target = try #require(planned.first?["to"] as? String)
        let contact = try #require(planned.first?["contact"] as? String)
        let toTarget = planned.filter { $0["to"] as? String == target }.count
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--reject", target])
        defer { server.stop() }

        let first = try FlowcProcess.run(["run", Self.flows, "--events", log, "--smtp", server.url, "--smtp-insecure"], in: work.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("(\(planned.count - toTarget) delivered to \(server.url), 0 already delivered, \(toTarget) bounced)"), "\(first.stderr)")
        #expect(try server.stored().allSatisfy { $0["rcpt_to"] as? String != target })

        // Later runs skip the contact as bounced, like a hard `Email Bounced` event.
        let replanned = try FlowcProcess.run(["run", Self.flows, "--events", log, "--dry-run", "--json"], in: work.url)
        let skips = replanned.stdout.split(separator: "\n").filter { $0.contains("\"kind\":\"skip\"") && $0.contains("\"contact\":\"\(contact)\"") }
        #expect(skips.contains { $0.contains("\"reason\":\"bounced\"") })
        #expect(!replanned.stdout.contains("\"to\":\"\(target)\""))
        let second = try FlowcProcess.run(["run", Self.flows, "--events", log, "--smtp", server.url, "--smtp-insecure"], in: work.url)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("(0 delivered"), "\(second.stderr)")
    }
}
