import FlowIR
import FlowRuntime
import FlowSyntax

/// The sentences that say why an entry was refused or a send skipped.
extension StoryBuilder {
    func detail(of refusal: EntryRefusal, flow: Int, at time: Int64) -> String {
        switch refusal {
        case .noKey:
            return "the entry key `\(flows[flow]?.entry.key?.text ?? "")` is null for this event"
        case .reentry(let previous, let count):
            let entered = count == 1 ? "entered at \(RFC3339.format(previous))" : "entered \(count) times, last at \(RFC3339.format(previous))"
            switch compiled.flows[flow].reentry {
            case .after(let minimum):
                return "`reentry: after \(DurationSyntax.format(minimum))` and the contact \(entered), only \(DurationSyntax.format(time - previous)) ago"
            case .once, .always:
                return "`reentry: once` and the contact already \(entered)"
            }
        case .active(let key):
            let since = running[InstanceKey(flow: compiled.flows[flow].id, key: key)].map { " since \(RFC3339.format($0))" } ?? ""
            return "an instance\(key.map { " with key \(StoryValue.text($0))" } ?? "") is running\(since) and retrigger is ignore"
        case .audience:
            return "the audience does not hold"
        }
    }

    func skipDetail(_ skip: RunRecord.Skip) -> String {
        switch skip.reason {
        case "unsubscribed":
            return "the contact unsubscribed" + (suppressedSince[.unsubscribed].map { " at \(RFC3339.format($0))" } ?? "")
        case "spam":
            return "the contact marked a message as spam" + (suppressedSince[.spam].map { " at \(RFC3339.format($0))" } ?? "")
        case "bounced":
            return "a message to the contact bounced" + (suppressedSince[.bounced].map { " at \(RFC3339.format($0))" } ?? "")
        case "no_email":
            return traits["email"].map { "the email trait \(StoryValue.text($0)) is not a deliverable address" }
                ?? "the contact has no email trait"
        case "frequency_cap":
            return frequencyCapDetail(skip)
        default:
            return skip.reason
        }
    }

    private func frequencyCapDetail(_ skip: RunRecord.Skip) -> String {
        guard let cap = compiled.flows.first(where: { $0.id == skip.flow })?.frequencyCap else { return "the frequency cap is reached" }
        let counted = marketingSends.filter { $0.time > skip.time - cap.per && $0.time <= skip.time }
        let list = counted.map { "\($0.flow)/\($0.step) at \(RFC3339.format($0.time))" }.joined(separator: ", ")
        return "frequency cap \(cap.max) per \(DurationSyntax.format(cap.per)) reached by " + (list.isEmpty ? "earlier sends" : list)
    }

    /// The flow's delivery window as written: `08:00-20:00 mon, tue`.
    func windowText(_ flow: Int) -> String {
        guard let window = compiled.flows[flow].window else { return "always open" }
        var parts: [String] = []
        if let hours = window.hours { parts.append("\(hours.start)-\(hours.end)") }
        if let days = window.days { parts.append(days.sorted().map(\.name).joined(separator: ", ")) }
        return parts.joined(separator: " ")
    }
}
