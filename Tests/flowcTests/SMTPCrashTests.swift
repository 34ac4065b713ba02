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
        let planned = Set(try SMTPEndToEndTests.plannedSends([SMTPEndToEndTests.flows, "--events", log], in: work.url).compactMap { $0["id"] as? String })
        #expect(planned.count > 100)
        // The server waits 0.1 s before answering each DATA, so a message is in flight (`sending`
        // in the ledger) for most of the 1/6 s between sends, and most kills catch one there.
        let server = try SMTPTestServer(maildir: work.url.appendingPathComponent("server"), options: ["--delay", "0.1"])
        defer { server.stop() }
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
            let storedBefore = server.storedCount()
            try process.run()
            // Each kill lands a random moment after this run's first message reached the server,
            // so it lands mid-delivery however long start-up takes, and a run delivers only a few
            // messages before its kill: 22 kills cannot use up the ~160 planned messages.
            let startupLimit = Date().addingTimeInterval(60)
            while process.isRunning, server.storedCount() == storedBefore, Date() < startupLimit { usleep(5_000) }
            let deadline = Date().addingTimeInterval(Double.random(in: 0...0.5, using: &random))
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
