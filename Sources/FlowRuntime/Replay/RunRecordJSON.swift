import FlowCheck
import FlowSyntax

extension RunRecord {
    /// The record as one line of `flowc run --json` (spec section 7), keys in contract order.
    /// `subject` is the rendered subject of a send (the renderer lives in FlowMail).
    public func jsonLine(subject: String? = nil) -> String {
        var out = "{\"kind\":"
        func field(_ key: String, _ value: String?) {
            out += ",\"" + key + "\":"
            if let value { JSONWriter.appendQuoted(value, to: &out) } else { out += "null" }
        }
        switch self {
        case .send(let send):
            out += "\"send\""
            field("time", RFC3339.format(send.time))
            field("flow", send.flow)
            field("step", send.step)
            field("contact", send.contact)
            field("to", send.to)
            field("subject", subject ?? "")
            field("template", send.template)
            field("variant", send.variant)
            field("id", send.id)
        case .skip(let skip):
            out += "\"skip\""
            field("time", RFC3339.format(skip.time))
            field("flow", skip.flow)
            field("step", skip.step)
            field("contact", skip.contact)
            field("reason", skip.reason)
        case .enter(let enter):
            out += "\"enter\""
            field("time", RFC3339.format(enter.time))
            field("flow", enter.flow)
            field("contact", enter.contact)
            field("key", enter.key)
        case .end(let end):
            out += "\"end\""
            field("time", RFC3339.format(end.time))
            field("flow", end.flow)
            field("contact", end.contact)
            field("key", end.key)
            field("reason", end.reason.rawValue)
        }
        return out + "}"
    }
}
