import Foundation
import Testing

/// A real SMTP server for a test: `smtp_server.py` (Python aiosmtpd) on a loopback port it
/// chose itself, storing messages in a Maildir. Stopped by `stop()` or when released; the
/// server also exits when its standard input closes, so it cannot outlive the test process.
final class SMTPTestServer {
    static let script = FlowcProcess.packageRoot.appendingPathComponent("Tests/flowcTests/smtp_server.py")

    let port: Int
    let maildir: URL
    private let process = Process()
    private let input = Pipe()

    /// Starts `smtp_server.py serve MAILDIR options...`; throws with the server's error output
    /// when it does not start (aiosmtpd missing, for instance).
    init(maildir: URL, options: [String] = []) throws {
        self.maildir = maildir
        let output = Pipe(), errors = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "serve", maildir.path] + options
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw SMTPTestServerError(message: "the test SMTP server did not start (needs python3 with aiosmtpd; run scripts/install-deps.sh): \(message)")
        }
        self.port = port
    }

    deinit { stop() }

    var url: String { "smtp://127.0.0.1:\(port)" }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The stored messages, as `smtp_server.py dump` describes them, sorted by Message-ID.
    func stored() throws -> [[String: Any]] {
        try Self.dump(maildir: maildir)
    }

    /// How many messages the server has stored so far (files in the Maildir's `new/`), cheap
    /// enough to poll while a run delivers.
    func storedCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path).count) ?? 0
    }

    /// What `smtp_server.py dump` says about any Maildir (the outbox too).
    static func dump(maildir: URL) throws -> [[String: Any]] {
        let result = try python(["dump", maildir.path])
        guard result.status == 0 else { throw SMTPTestServerError(message: "dump failed: \(result.stderr)") }
        return result.stdout.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    /// Writes a self-signed `cert.pem` and `key.pem` for 127.0.0.1 into `directory` (openssl).
    static func makeCertificate(in directory: URL) throws -> (certificate: String, key: String) {
        let result = try python(["cert", directory.path])
        guard result.status == 0 else { throw SMTPTestServerError(message: "cannot make a test certificate (needs openssl): \(result.stderr)") }
        return (directory.appendingPathComponent("cert.pem").path, directory.appendingPathComponent("key.pem").path)
    }

    private static func python(_ arguments: [String]) throws -> FlowcProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return FlowcProcess.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

struct SMTPTestServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A scratch directory for one test, removed afterwards.
struct ScratchDirectory {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}
