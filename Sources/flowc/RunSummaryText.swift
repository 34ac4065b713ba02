import FlowMail
import FlowRuntime
import Foundation

/// The human summary of `flowc run`, printed to standard error.
enum RunSummaryText {
    static func render(replay: ReplaySummary, log: EventLogStats, delivery: DeliverySummary?, destination: String?, elapsed: TimeInterval) -> String {
        var lines: [String] = []
        var read = "events: \(log.eventsYielded) read"
        if log.invalidLinesSkipped > 0 { read += ", \(log.invalidLinesSkipped) invalid lines skipped" }
        if log.duplicatesIgnored > 0 { read += ", \(log.duplicatesIgnored) duplicates ignored" }
        if log.ignoredTypes > 0 { read += ", \(log.ignoredTypes) of other types ignored" }
        lines.append(read + "; \(replay.contacts) contacts")
        let ended = EndReason.allCases.map { "\(replay.ended[$0]) \($0.rawValue)" }.joined(separator: ", ")
        lines.append("instances: \(replay.entered) entered; ended: \(ended)")
        var sends = "sends: \(replay.sends)"
        if let delivery, let destination {
            sends += " (\(delivery.delivered) delivered to \(destination), \(delivery.alreadyDelivered) already delivered"
            if delivery.bounced > 0 { sends += ", \(delivery.bounced) bounced" }
            if delivery.failed > delivery.bounced { sends += ", \(delivery.failed - delivery.bounced) failed" }
            if delivery.deferred > 0 { sends += ", \(delivery.deferred) deferred" }
            sends += ")"
        } else {
            sends += " (dry run: nothing delivered)"
        }
        lines.append(sends)
        let skips = replay.skips.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        lines.append("skips: " + (skips.isEmpty ? "none" : skips.joined(separator: ", ")))
        lines.append("postponed by windows: \(replay.postponed); pending timers: \(replay.pendingTimers)")
        let rate = elapsed > 0 ? Int(Double(replay.events) / elapsed) : 0
        lines.append(String(format: "time: %.2f s (%d events/s)", elapsed, rate))
        return lines.joined(separator: "\n")
    }
}
