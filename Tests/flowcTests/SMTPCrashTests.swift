import Foundation
import Testing
import TestSupport

/// `flowc run --smtp` killed with SIGKILL at random moments and started again until it finishes:
/// the server ends up with every planned message, and a message reaches it twice only if the
/// ledger had it in flight (`sending`) when a kill landed, with the same Message-ID both times.
@Suite struct SMTPCrashTests {
    @Test func killedAtRandomPointsDeliversEveryMessageOnce() throws {
        let work = try ScratchDirectory("smtp-crash")
        defer { work.remove() }
        let log = try SMTPEndToEndTests.demoPrefix(600, named: "events.jsonl", in: work.url)
        // The dry run also measures how long flowc takes to reach delivery on this machine now,
        // so the kills land during delivery even when the machine is slow.
        let dryRunStarted = Date()
        let planned = Set(try SMTPEndToEndTests.plannedSends([SMTPEndToEndTests.flows, "--events", log], in: work.url).compactMap { $0["id"] as? String })
        let startup = Date().timeIntervalSince(dryRunStarted)
        #expect(planned.count > 100)
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--delay", "0.005"])
        defer { server.stop() }
        // The rate spreads the ~160 messages over about half a minute, so that 22 kills, each
        // after up to a second of delivery, land mid-delivery even when startup was overestimated.
        let arguments = ["run", SMTPEndToEndTests.flows, "--events", log, "--smtp", server.url, "--smtp-insecure", "--rate", "6/s", "--state", "state"]

        var random = SeededGenerator(seed: 20_260_301)
        var inFlightAtKills: Set<String> = []
        var kills = 0
        for _ in 0..<80 where kills < 22 {
            let process = Process()
            process.executableURL = FlowcProcess.executable
            process.arguments = arguments
            process.currentDirectoryURL = work.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = startup + Double.random(in: 0.1...1.1, using: &random)
            let deadline = Date().addingTimeInterval(delay)
            while process.isRunning, Date() < deadline { usleep(5_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                kills += 1
                inFlightAtKills.formUnion(try Self.sendingIDs(in: work.url.appendingPathComponent("state/ledger.sqlite")))
            } else {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
        }
        #expect(kills >= 20)
        #expect(!inFlightAtKills.isEmpty, "no kill landed while a message was in flight")

        let last = try FlowcProcess.run(arguments, in: work.url)
        #expect(last.status == 0, "\(last.stderr)")
        let delivered = try server.stored().compactMap { ($0["message_id"] as? String).map(Self.flowcID) }
        #expect(Set(delivered) == planned)
        let counts = Dictionary(delivered.map { ($0, 1) }, uniquingKeysWith: +)
        let duplicates = Set(counts.filter { $0.value > 1 }.keys)
        #expect(counts.values.allSatisfy { $0 <= 2 })
        #expect(duplicates.isSubset(of: inFlightAtKills), "duplicated though not in flight: \(duplicates.subtracting(inFlightAtKills).sorted())")
        #expect(try Self.sendingIDs(in: work.url.appendingPathComponent("state/ledger.sqlite")).isEmpty)
    }

    /// `<ID@domain>` → ID.
    static func flowcID(_ messageID: String) -> String {
        String(messageID.dropFirst().prefix { $0 != "@" })
    }

    /// The ids the ledger has as `sending` (in flight), read with Python's sqlite3.
    static func sendingIDs(in ledger: URL) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: ledger.path) else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3, sys; [print(row[0]) for row in sqlite3.connect(sys.argv[1]).execute(\"SELECT id FROM message WHERE state = 'sending'\")]", ledger.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }
}
