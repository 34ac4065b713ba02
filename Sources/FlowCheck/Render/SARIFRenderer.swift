import FlowSyntax

/// Renders a SARIF 2.1.0 log (for GitHub code scanning and other SARIF viewers).
///
/// One run whose driver `flowc` lists every rule of `RuleCatalog`; each diagnostic is a result
/// pointing into that table by `ruleIndex` (omitted for a code the catalog lacks). Columns count
/// Unicode scalars (`columnKind: unicodeCodePoints`); `endColumn` is exclusive, as in SARIF.
public struct SARIFRenderer: Sendable {
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// flowc's version, e.g. `0.1.0`.
    public var toolVersion: String
    /// Where to read about flowc and its rules; omitted from the log when nil.
    public var informationURI: String?

    public init(toolVersion: String, informationURI: String? = nil) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }

    /// The log, pretty-printed, ending with a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let driver = JSONValue.object([
            "name": .string("flowc"),
            "informationUri": informationURI.map(JSONValue.string),
            "version": .string(toolVersion),
            "rules": .array(RuleCatalog.all.map(Self.reportingDescriptor)),
        ])
        let run = JSONValue.object([
            JSONMember("tool", .object([JSONMember("driver", driver)])),
            JSONMember("columnKind", .string("unicodeCodePoints")),
            JSONMember("results", .array(diagnostics.map(Self.result))),
        ])
        let log = JSONValue.object([
            JSONMember("$schema", .string(Self.schemaURI)),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([run])),
        ])
        return JSONWriter.write(log, style: .pretty) + "\n"
    }

    private static func reportingDescriptor(_ rule: Rule) -> JSONValue {
        .object([
            JSONMember("id", .string(rule.code)),
            JSONMember("name", .string(rule.name)),
            JSONMember("shortDescription", text(rule.summary)),
            JSONMember("fullDescription", text("\(rule.summary) \(rule.help)")),
            JSONMember("help", text(rule.help)),
            JSONMember("defaultConfiguration", .object([JSONMember("level", .string(level(rule.severity)))])),
        ])
    }

    private static func result(_ diagnostic: Diagnostic) -> JSONValue {
        let message = diagnostic.help.map { "\(diagnostic.message)\nhelp: \($0)" } ?? diagnostic.message
        let related = diagnostic.related.enumerated().map { index, location in
            JSONValue.object([
                JSONMember("id", .int(index)),
                JSONMember("physicalLocation", physicalLocation(location.file, location.span)),
                JSONMember("message", text(location.message)),
            ])
        }
        return .object([
            "ruleId": .string(diagnostic.code),
            "ruleIndex": RuleCatalog.index(of: diagnostic.code).map(JSONValue.int),
            "level": .string(level(diagnostic.severity)),
            "message": text(message),
            "locations": .array([.object([JSONMember("physicalLocation", physicalLocation(diagnostic.file, diagnostic.span))])]),
            "relatedLocations": related.isEmpty ? nil : .array(related),
        ])
    }

    private static func physicalLocation(_ file: String, _ span: SourceSpan) -> JSONValue {
        .object([
            JSONMember("artifactLocation", .object([JSONMember("uri", .string(artifactURI(file)))])),
            JSONMember("region", .object([
                JSONMember("startLine", .int(max(span.start.line, 1))),
                JSONMember("startColumn", .int(max(span.start.column, 1))),
                JSONMember("endLine", .int(max(span.end.line, 1))),
                JSONMember("endColumn", .int(max(span.end.column, 1))),
            ])),
        ])
    }

    /// A URI reference for a file path: forward slashes, no leading `./`, percent-encoded;
    /// absolute paths become `file://` URIs.
    static func artifactURI(_ path: String) -> String {
        var path = path.replacing("\\", with: "/")
        while path.hasPrefix("./") { path.removeFirst(2) }
        let encoded = percentEncoded(path)
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static func percentEncoded(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~/!$&'()*+,;=@".contains(character) {
                output.append(character)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return output
    }

    private static func text(_ text: String) -> JSONValue {
        .object([JSONMember("text", .string(text))])
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
