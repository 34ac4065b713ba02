import Foundation

/// Runs the built `flowc` binary, as users and the outside acceptance suite do.
struct FlowcProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (two levels above this file's directory).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The `flowc` executable next to the test bundle.
    static let executable: URL = {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("flowc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [argv0, argv0.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("flowc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/flowc")
    }()

    /// Runs `flowc arguments...` in `directory` with optional standard input.
    static func run(_ arguments: [String], in directory: URL, input: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so that a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}

/// Golden files: compared exactly; rewritten instead when `FLOWC_RECORD=1`.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["FLOWC_RECORD"] == "1" }

    /// The expected text at `url`, or nil after recording `actual` there.
    static func expected(at url: URL, actual: String) throws -> String? {
        if recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
