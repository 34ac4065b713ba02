/// JUnit XML for CI test reports: one `<testsuite>` per scenario file, one `<testcase>` per
/// scenario, a `<failure>` holding the text report of a failing one.
public enum JUnitRenderer {
    public static func render(_ results: [ScenarioResult]) -> String {
        var files: [String] = []
        var byFile: [String: [ScenarioResult]] = [:]
        for result in results {
            if byFile[result.file] == nil { files.append(result.file) }
            byFile[result.file, default: []].append(result)
        }
        let failed = results.count { !$0.passed }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"flowc test\" tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\">\n"
        for file in files {
            let cases = byFile[file] ?? []
            out += "  <testsuite name=\"\(escape(file))\" tests=\"\(cases.count)\" failures=\"\(cases.count { !$0.passed })\" errors=\"0\" skipped=\"0\">\n"
            for result in cases {
                let name = "name=\"\(escape(result.name))\" classname=\"\(escape(file))\" file=\"\(escape(file))\" line=\"\(result.span.start.line)\""
                guard let first = result.failures.first else {
                    out += "    <testcase \(name)/>\n"
                    continue
                }
                let summary = "\(first.position): \(first.message)"
                let body = result.failures.map { "\($0.position): \($0.message)\n" }.joined() + ScenarioTextRenderer.timeline(result)
                out += "    <testcase \(name)>\n"
                out += "      <failure message=\"\(escape(summary))\" type=\"ExpectationFailed\">\(escape(body))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// `text` as XML character data or attribute value: markup characters escaped, characters
    /// XML 1.0 does not allow replaced with U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{20}"..."\u{D7FF}", "\u{E000}"..."\u{FFFD}", "\u{10000}"..."\u{10FFFF}": out.unicodeScalars.append(scalar)
            default: out += "\u{FFFD}"
            }
        }
        return out
    }
}
