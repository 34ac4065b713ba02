import FlowSyntax

extension RunRecord {
    /// Appends the record as one line of `flowc run --json` (spec section 7), keys in contract
    /// order, newline included. `subject` is the rendered subject of a send (the renderer lives in
    /// FlowMail); `times` formats the record time and remembers recent results.
    public func appendJSONLine(to out: inout [UInt8], subject: String? = nil, times: inout RecordTimeFormatter) {
        switch self {
        case .send(let send):
            out.beginRecord(#"{"kind":"send","time":""#, time: send.time, times: &times)
            out.appendField(#","flow":"#, send.flow)
            out.appendField(#","step":"#, send.step)
            out.appendField(#","contact":"#, send.contact)
            out.appendField(#","to":"#, send.to)
            out.appendField(#","subject":"#, subject ?? "")
            out.appendField(#","template":"#, send.template)
            out.appendField(#","variant":"#, send.variant)
            out.appendField(#","id":"#, send.id)
        case .skip(let skip):
            out.beginRecord(#"{"kind":"skip","time":""#, time: skip.time, times: &times)
            out.appendField(#","flow":"#, skip.flow)
            out.appendField(#","step":"#, skip.step)
            out.appendField(#","contact":"#, skip.contact)
            out.appendField(#","reason":"#, skip.reason)
        case .enter(let enter):
            out.beginRecord(#"{"kind":"enter","time":""#, time: enter.time, times: &times)
            out.appendField(#","flow":"#, enter.flow)
            out.appendField(#","contact":"#, enter.contact)
            out.appendField(#","key":"#, enter.key)
        case .end(let end):
            out.beginRecord(#"{"kind":"end","time":""#, time: end.time, times: &times)
            out.appendField(#","flow":"#, end.flow)
            out.appendField(#","contact":"#, end.contact)
            out.appendField(#","key":"#, end.key)
            out.appendField(#","reason":"#, end.reason.rawValue)
        }
        out.append("}\n" as StaticString)
    }
}

/// Writing the members of one JSON object straight into a byte buffer.
private extension [UInt8] {
    /// `start` (`{"kind":"<kind>","time":"`), the time, and the closing quote.
    mutating func beginRecord(_ start: StaticString, time: Int64, times: inout RecordTimeFormatter) {
        append(start)
        times.append(time, to: &self)
        append(UInt8(ascii: "\""))
    }

    /// `key` (`,"<name>":`), then the value as a JSON string or `null`.
    mutating func appendField(_ key: StaticString, _ value: String?) {
        append(key)
        if let value { JSONBytes.appendQuoted(value, to: &self) } else { append("null" as StaticString) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}

/// JSON string literals as bytes.
enum JSONBytes {
    /// `text` quoted: `"`, `\` and control characters escaped, everything else kept as UTF-8
    /// (the same text `JSONWriter.appendQuoted` writes).
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: needsEscape) {
                out.append(contentsOf: bytes)
            } else {
                for byte in bytes { appendEscaped(byte, to: &out) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        guard needsEscape(byte) else { return out.append(byte) }
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            let digits = "0123456789abcdef".utf8
            out.append("u00" as StaticString)
            out.append(digits[digits.index(digits.startIndex, offsetBy: Int(byte >> 4))])
            out.append(digits[digits.index(digits.startIndex, offsetBy: Int(byte & 0x0F))])
        }
    }
}
