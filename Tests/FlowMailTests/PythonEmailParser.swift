import Foundation

/// Parses message bytes with Python's `email` package (an independent RFC 5322 / MIME reader).
struct ParsedEmail: Decodable {
    struct Part: Decodable {
        var type: String
        var charset: String?
        var cte: String?
        var content: String
        var defects: [String]
    }

    var headers: [String: String]
    var fromName: String
    var fromAddress: String
    var multipart: String?
    var parts: [Part]
    var defects: [String]

    private static let script = """
    import sys, json, email
    from email import policy
    msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
    out = {"headers": {k: str(v) for k, v in msg.items()}, "defects": [str(d) for d in msg.defects], "parts": [],
           "fromName": msg["From"].addresses[0].display_name, "fromAddress": msg["From"].addresses[0].addr_spec}
    for part in msg.walk():
        if part.is_multipart():
            out["multipart"] = part.get_content_type()
            continue
        out["parts"].append({"type": part.get_content_type(), "charset": part.get_content_charset(),
                             "cte": part["Content-Transfer-Encoding"], "content": part.get_content().replace("\\r\\n", "\\n"),
                             "defects": [str(d) for d in part.defects]})
    print(json.dumps(out))
    """

    static func parse(_ bytes: [UInt8]) throws -> ParsedEmail {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(ParsedEmail.self, from: data)
    }
}
