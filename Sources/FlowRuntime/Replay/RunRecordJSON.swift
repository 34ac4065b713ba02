import FlowSyntax

extension RunRecord {
    /// Appends the record as one line of `flowc run --json` (spec section 7), keys in contract
    /// order, newline included. `times` formats the record time and remembers recent results;
    /// `subject` appends a send's subject as a JSON string (the renderer lives in FlowMail; by
    /// default it is `""`).
    public consuming func appendJSONLine(
        to out: inout ByteBuffer, times: inout RecordTimeFormatter,
        subject: (PlannedSend, inout ByteBuffer) -> Void = { _, out in out.appendQuoted("") }
    ) {
        switch consume self {
        case .send(let send):
            out.beginRecord(#"{"kind":"send","time":""#, time: send.time, times: &times)
            out.appendField(#","flow":"#, send.flow)
            out.appendField(#","step":"#, send.step)
            out.appendField(#","contact":"#, send.contact)
            // The address read in place from the packed traits, not made into a `String` first.
            let wroteTo = send.packedTraits.withUTF8(ofString: "email") {
                out.appendMember(#","to":"#, quotedUTF8: $0.assumingMemoryBound(to: UInt8.self))
            }
            if !wroteTo { out.appendMember(#","to":"#, quoted: "") }
            out.append(#","subject":"# as StaticString)
            subject(send, &out)
            out.appendField(#","template":"#, send.template)
            out.appendField(#","variant":"#, send.variant)
            out.append(#","id":""# as StaticString)
            send.messageID.withHexDigits { out.append($0) }
            out.append(UInt8(ascii: "\""))
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
private extension ByteBuffer {
    /// `start` (`{"kind":"<kind>","time":"`), the time, and the closing quote.
    mutating func beginRecord(_ start: StaticString, time: Int64, times: inout RecordTimeFormatter) {
        append(start)
        times.append(time, to: &self)
        append(UInt8(ascii: "\""))
    }

    /// `key` (`,"<name>":`), then the value as a JSON string or `null`.
    mutating func appendField(_ key: StaticString, _ value: String?) {
        if let value {
            appendMember(key, quoted: value)
        } else {
            append(key)
            append("null" as StaticString)
        }
    }
}
