import Foundation
import Testing

/// `flowc report --format html` in a real browser: headless Chromium loads the demo report,
/// its DOM holds every flow and section, and its screenshot is far richer than a blank page's.
/// Fails (never skips) when Chromium is missing.
@Suite struct ReportBrowserTests {
    static let demoFlows = [
        "abandoned-cart", "birthday", "order-confirmation", "review-request", "vip-upgrade",
        "welcome-series", "win-back",
    ]

    /// A fresh directory holding the demo report as `report.html`, as the README makes it.
    static func demoReport() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("report.html")
        let result = try FlowcProcess.run(
            ["report", "flows", "--events", "flows/demo/events.jsonl", "--format", "html", "-o", page.path],
            in: FlowcProcess.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        return page
    }

    @Test func renderedDOMHoldsEveryFlowAndSection() throws {
        let page = try Self.demoReport()
        defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
        let dom = try Chromium.run(["--dump-dom", page.absoluteString], profile: page.deletingLastPathComponent())
        #expect(dom.status == 0, "chromium --dump-dom failed: \(dom.stderr)")
        #expect(dom.stdout.contains("<title>flowc report</title>"))
        for flow in Self.demoFlows {
            #expect(dom.stdout.contains("id=\"flow-\(flow)\""), "no section for flow \(flow)")
        }
        for text in ["Funnel (messages)", "Daily sends", "A/B comparison", "cart-free-shipping"] {
            #expect(dom.stdout.contains(text), "the rendered page lacks \(text)")
        }
    }

    @Test func screenshotIsNotBlank() throws {
        let page = try Self.demoReport()
        let directory = page.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blank = directory.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: blank, atomically: true, encoding: .utf8)

        let reportShot = try Chromium.screenshot(page, to: directory.appendingPathComponent("report.png"))
        let blankShot = try Chromium.screenshot(blank, to: directory.appendingPathComponent("blank.png"))
        #expect(reportShot.starts(with: Chromium.pngSignature), "the report screenshot is not a PNG")
        #expect(blankShot.starts(with: Chromium.pngSignature), "the blank screenshot is not a PNG")
        // A blank 1280×2000 page compresses to about 12 kB; charts, tables and text do not.
        #expect(reportShot.count > 4 * blankShot.count,
                "report screenshot \(reportShot.count) bytes vs blank page \(blankShot.count) bytes: the page looks blank")
    }
}

/// Headless Chromium, found on `PATH` (Debian package `chromium`).
enum Chromium {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "`chromium` is not on PATH: install it (`apt-get install -y chromium`, see scripts/install-deps.sh)"
        }
    }

    struct NoScreenshot: Error, CustomStringConvertible {
        var page: URL
        var stderr: String
        var description: String { "chromium wrote no screenshot of \(page.path): \(stderr)" }
    }

    static let pngSignature = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("chromium") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Renders `page` at a laptop-like 1280×2000 window and returns the PNG's bytes.
    static func screenshot(_ page: URL, to png: URL) throws -> Data {
        let result = try run(["--screenshot=\(png.path)", "--window-size=1280,2000", "--hide-scrollbars", page.absoluteString],
                             profile: png.deletingLastPathComponent())
        guard result.status == 0, let data = FileManager.default.contents(atPath: png.path) else {
            throw NoScreenshot(page: page, stderr: result.stderr)
        }
        return data
    }

    /// Runs headless Chromium with `arguments` and a throwaway profile under `profile`.
    static func run(_ arguments: [String], profile: URL) throws -> FlowcProcess.Result {
        guard let executable else { throw Missing() }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--user-data-dir=\(profile.appendingPathComponent("profile-\(UUID().uuidString)").path)"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { usleep(1000) }
        return FlowcProcess.Result(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self)
        )
    }
}
