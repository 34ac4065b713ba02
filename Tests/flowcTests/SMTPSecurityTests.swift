import Foundation
import Testing

/// STARTTLS, smtps, AUTH PLAIN and LOGIN, and the refusals around them, against a real server;
/// also dot-stuffing: lines starting with `.` arrive unchanged.
@Suite(.serialized) struct SMTPSecurityTests {
    static let login = ["FLOWC_SMTP_USER": "flowc", "FLOWC_SMTP_PASSWORD": "s3cret-pass"]
    static let bodyLines = [".a line that starts with a dot", "..and one with two", "."]

    /// A one-flow project whose message has lines starting with dots, and a log of 3 sign-ups.
    private static func project(in work: ScratchDirectory) throws {
        let files = [
            "flows/flowc.yaml": """
            from: "Test <sender@flowc.example>"
            unsubscribe_url: "https://flowc.example/u?c={{contact.id}}"
            """,
            "flows/hello.flow.yaml": """
            flow: hello
            trigger:
              event: Signed Up
            steps:
              - id: hello
                send: hello
            """,
            "flows/templates/hello.email.yaml": """
            subject: "Hi {{contact.first_name}}"
            text: |
              Hello!
            \(bodyLines.map { "  " + $0 }.joined(separator: "\n"))
              Unsubscribe: {{unsubscribe_url}}
            """,
            "events.jsonl": (1...3).map { n in
                """
                {"type":"identify","userId":"u\(n)","timestamp":"2026-03-02T10:0\(n):00Z","traits":{"email":"user\(n)@example.com","first_name":"User \(n)"}}
                {"type":"track","userId":"u\(n)","event":"Signed Up","timestamp":"2026-03-02T10:0\(n):30Z"}
                """
            }.joined(separator: "\n") + "\n",
        ]
        for (name, text) in files {
            let url = work.url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }

    private func run(_ work: ScratchDirectory, _ options: [String], environment: [String: String] = [:]) throws -> FlowcProcess.Result {
        try FlowcProcess.run(["run", "flows", "--events", "events.jsonl"] + options, in: work.url, environment: environment)
    }

    @Test func startTLSWithAuthPlainDeliversEveryLineIntact() throws {
        let work = try ScratchDirectory("smtp-starttls")
        defer { work.remove() }
        try Self.project(in: work)
        let tls = try SMTPTestServer.makeCertificate(in: work.url)
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--tls-cert", tls.certificate, "--tls-key", tls.key, "--auth", "flowc:s3cret-pass"])
        defer { server.stop() }
        let result = try run(work, ["--smtp", server.url, "--smtp-ca", tls.certificate], environment: Self.login)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(3 delivered to \(server.url)"), "\(result.stderr)")
        let stored = try server.stored()
        #expect(stored.count == 3)
        #expect(Set(stored.compactMap { $0["rcpt_to"] as? String }) == ["user1@example.com", "user2@example.com", "user3@example.com"])
        for message in stored {
            let parts = message["parts"] as? [[String]] ?? []
            let text = parts.first?.last ?? ""
            #expect(text.contains("Hello!\n" + Self.bodyLines.joined(separator: "\n") + "\n"), "\(text)")
        }
    }

    @Test func implicitTLSWithAuthLogin() throws {
        let work = try ScratchDirectory("smtp-smtps")
        defer { work.remove() }
        try Self.project(in: work)
        let tls = try SMTPTestServer.makeCertificate(in: work.url)
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--tls-cert", tls.certificate, "--tls-key", tls.key, "--implicit-tls", "--auth", "flowc:s3cret-pass", "--login-only"])
        defer { server.stop() }
        let url = "smtps://127.0.0.1:\(server.port)"
        let result = try run(work, ["--smtp", url, "--smtp-ca", tls.certificate], environment: Self.login)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(3 delivered to \(url)"), "\(result.stderr)")
        #expect(try server.stored().count == 3)
    }

    @Test func refusedLoginStopsTheRunWithoutShowingThePassword() throws {
        let work = try ScratchDirectory("smtp-badlogin")
        defer { work.remove() }
        try Self.project(in: work)
        let tls = try SMTPTestServer.makeCertificate(in: work.url)
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--tls-cert", tls.certificate, "--tls-key", tls.key, "--auth", "flowc:s3cret-pass"])
        defer { server.stop() }
        let wrong = try run(work, ["--smtp", server.url, "--smtp-ca", tls.certificate], environment: ["FLOWC_SMTP_USER": "flowc", "FLOWC_SMTP_PASSWORD": "wrong-guess"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("check FLOWC_SMTP_USER and FLOWC_SMTP_PASSWORD"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("wrong-guess"))
        let missing = try run(work, ["--smtp", server.url, "--smtp-ca", tls.certificate])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("set FLOWC_SMTP_USER and FLOWC_SMTP_PASSWORD"), "\(missing.stderr)")
        #expect(try server.stored().isEmpty)
    }

    @Test func anUntrustedCertificateStopsTheRun() throws {
        let work = try ScratchDirectory("smtp-untrusted")
        defer { work.remove() }
        try Self.project(in: work)
        let tls = try SMTPTestServer.makeCertificate(in: work.url)
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--tls-cert", tls.certificate, "--tls-key", tls.key])
        defer { server.stop() }
        let result = try run(work, ["--smtp", server.url])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--smtp-ca"), "\(result.stderr)")
        #expect(try server.stored().isEmpty)
    }

    @Test func plainTextNeedsSMTPInsecure() throws {
        let work = try ScratchDirectory("smtp-plain")
        defer { work.remove() }
        try Self.project(in: work)
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--no-pipelining"])
        defer { server.stop() }
        let refused = try run(work, ["--smtp", server.url])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("does not offer STARTTLS"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--smtp-insecure"))
        #expect(try server.stored().isEmpty)
        // --smtp-insecure allows plain-text mail, never a plain-text password.
        let login = try run(work, ["--smtp", server.url, "--smtp-insecure"], environment: Self.login)
        #expect(login.status == 2)
        #expect(login.stderr.contains("would travel in plain text"), "\(login.stderr)")
        #expect(!login.stderr.contains("s3cret-pass"))
        #expect(try server.stored().isEmpty)
        let allowed = try run(work, ["--smtp", server.url, "--smtp-insecure"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try server.stored().count == 3)
    }
}
