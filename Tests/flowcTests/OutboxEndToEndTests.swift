import Foundation
import Testing

/// `flowc run` into a real outbox on the demo project: the .eml files parse as MIME with the
/// expected headers, a second run delivers nothing, and a longer log delivers only what is new.
@Suite struct OutboxEndToEndTests {
    static let demoLog = FlowcProcess.packageRoot.appendingPathComponent("flows/demo/events.jsonl")

    @Test func deliversOnceAndOnlyNewMessages() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let lines = try String(contentsOf: Self.demoLog, encoding: .utf8).split(separator: "\n")
        let prefix = work.appendingPathComponent("prefix.jsonl")
        let full = work.appendingPathComponent("full.jsonl")
        try (lines.prefix(600).joined(separator: "\n") + "\n").write(to: prefix, atomically: true, encoding: .utf8)
        try (lines.prefix(1200).joined(separator: "\n") + "\n").write(to: full, atomically: true, encoding: .utf8)
        let flows = FlowcProcess.packageRoot.appendingPathComponent("flows").path
        func run(_ log: URL, _ extra: [String]) throws -> FlowcProcess.Result {
            let result = try FlowcProcess.run(["run", flows, "--events", log.path, "--state", "state"] + extra, in: work)
            #expect(result.status == 0, "\(result.stderr)")
            return result
        }
        func planned(_ log: URL) throws -> Set<String> {
            let records = try run(log, ["--dry-run", "--json"]).stdout.split(separator: "\n")
            return Set(records.compactMap { line in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["kind"] as? String == "send" ? object?["id"] as? String : nil
            })
        }
        func delivered() throws -> Set<String> {
            let names = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("outbox/new").path)
            return Set(names.map { String($0.split(separator: ".")[1]) })
        }

        let prefixIDs = try planned(prefix)
        #expect(!prefixIDs.isEmpty)
        let first = try run(prefix, [])
        #expect(first.stderr.contains("\(prefixIDs.count) delivered"))
        #expect(try delivered() == prefixIDs)

        let again = try run(prefix, [])
        #expect(again.stderr.contains("0 delivered"), "\(again.stderr)")
        #expect(again.stderr.contains("\(prefixIDs.count) already delivered"))

        let fullIDs = try planned(full)
        #expect(prefixIDs.isSubset(of: fullIDs))
        let more = try run(full, [])
        #expect(more.stderr.contains("\(fullIDs.count - prefixIDs.count) delivered"), "\(more.stderr)")
        #expect(try delivered() == fullIDs)

        let check = try Self.checkMIME(in: work.appendingPathComponent("outbox/new"))
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("checked \(fullIDs.count) messages"))
    }

    /// Parses every message with Python's `email` package and checks its headers and structure.
    static func checkMIME(in directory: URL) throws -> FlowcProcess.Result {
        let script = FlowcProcess.packageRoot.appendingPathComponent("Tests/flowcTests/check_eml.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, directory.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return FlowcProcess.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
