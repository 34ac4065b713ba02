import FlowSyntax

/// When a flow's delivery window next opens, remembered per (flow, zone) as the stretch of
/// instants the answer holds for (`Zone.windowSpan`): sends in one zone cluster in time, so most
/// look-ups land in the stretch the last one found and do no calendar arithmetic.
///
/// The calendar reads the window from the local day of the instant asked about, so an answer
/// is reused only on the same local day: where a zone's clock fell back across midnight
/// (St. John's until 2011), an instant later in the stretch can be on an earlier local day.
///
/// Slots are found by the flow and the bits of the zone's name: the zones of a replay come from
/// one `ZoneCache`, so a zone's name is one string; a slot keeps its zone (and so that string)
/// alive, so equal bits mean the same zone. A zone met in another spelling only misses.
struct WindowMemo {
    /// Plain values only, so that reading a slot copies no references.
    private struct Entry {
        var flow: Int
        var words: StringWords
        /// The local day the answer was found on (days since 1970-01-01).
        var day: Int
        var span: Range<Int64>
        /// nil: the window is open throughout `span`.
        var opening: Int64?
    }

    private static let slotBits = 7
    private var entries = [Entry?](repeating: nil, count: 1 << WindowMemo.slotBits)
    /// The zone of each entry, kept so that its name (and so `words`) stays that zone's.
    private var zones = [Zone?](repeating: nil, count: 1 << WindowMemo.slotBits)

    /// `zone.nextOpening(window, atOrAfter: instant)` for the window of flow `flow`.
    mutating func nextOpening(flow: Int, _ window: DeliveryWindow, in zone: Zone, atOrAfter instant: Int64) -> Int64? {
        guard StringWords.available else { return zone.nextOpening(window, atOrAfter: instant) }
        let words = StringWords(zone.name)
        let slot = words.slot(bits: Self.slotBits, mixing: UInt64(truncatingIfNeeded: flow))
        let day = zone.local(instant).day
        if let entry = entries[slot], entry.flow == flow, entry.words == words, entry.day == day, entry.span.contains(instant) {
            return entry.opening ?? instant
        }
        guard let found = zone.windowSpan(window, containing: instant) else { return nil }
        entries[slot] = Entry(flow: flow, words: words, day: day, span: found.span, opening: found.opening)
        zones[slot] = zone
        return found.opening ?? instant
    }
}
