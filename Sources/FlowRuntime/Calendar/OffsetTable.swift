import FlowSyntax

/// A zone's offsets as sorted periods, found through an index of 194-day stretches (by binary
/// search outside it). Built once per zone from its TZif file: the explicit transitions, then
/// the footer rule expanded over 401 years; instants later than that fold back by whole
/// 400-year Gregorian cycles, whose calendars (weekdays included) repeat exactly, so the rule's
/// answers repeat too.
struct OffsetTable: Sendable {
    /// Seconds in 400 Gregorian years (146,097 days, a whole number of weeks).
    static let cycleSeconds: Int64 = 146_097 * 86_400

    /// UTC seconds at which each period starts; `starts[0]` is `Int64.min`.
    private(set) var starts: [Int64]
    /// Seconds east of UTC during each period.
    private(set) var offsets: [Int]
    /// Where the repeating rule begins (the first January after the last explicit transition);
    /// nil when the last period lasts forever.
    private(set) var cycleStart: Int64?
    /// For each stretch of 2^24 seconds (about 194 days) from `stretchBase` on, the period that
    /// holds its first second: a look-up starts there and steps over the few transitions within
    /// the stretch instead of searching the whole table.
    private var stretchPeriods: [Int32] = []
    /// The first second of the first stretch, and the first second after the last.
    private var stretchBase: Int64 = 0
    private var stretchEnd: Int64 = 0
    private static let stretchShift: Int64 = 24

    init(fixedOffset: Int) {
        starts = [.min]
        offsets = [fixedOffset]
    }

    init(_ tzif: TZif) {
        self.init(fixedOffset: tzif.initialOffset)
        for (instant, offset) in zip(tzif.transitions, tzif.offsets) { append(instant, offset) }
        guard let rule = tzif.footer, rule.daylight != nil else { return }
        let last = tzif.transitions.last
        let firstYear = last.map { CivilDate(daysSinceEpoch: Int(Self.floorDiv($0, 86_400))).year } ?? 1900
        let generated = (firstYear...firstYear + 402).flatMap { rule.transitions(year: $0) }
            .enumerated()
            .filter { $0.element.instant > (last ?? .min) }
            .sorted { ($0.element.instant, $0.offset) < ($1.element.instant, $1.offset) }
        for (_, transition) in generated { append(transition.instant, transition.offset) }
        cycleStart = Int64(CivilDate(year: firstYear + 1, month: 1, day: 1).daysSinceEpoch) * 86_400
        indexStretches()
    }

    /// Fills `stretchPeriods` from the first transition after 1425 (older ones, and sentinels
    /// like -2^59, are left to the binary search) to the last one, at most 4,096 stretches.
    private mutating func indexStretches() {
        guard let first = starts.firstIndex(where: { $0 > -(1 << 34) }), let last = starts.last, starts[first] < last else { return }
        stretchBase = starts[first]
        let count = min(Int((last - stretchBase) >> Self.stretchShift) + 1, 4096)
        stretchEnd = stretchBase + Int64(count) << Self.stretchShift
        stretchPeriods = (0..<count).map { Int32(searchedPeriodIndex(containing: stretchBase + Int64($0) << Self.stretchShift)) }
    }

    /// Adds a period; a transition at the same instant as the previous one replaces it, and one
    /// that does not change the offset is dropped.
    private mutating func append(_ instant: Int64, _ offset: Int) {
        if starts.count > 1, starts[starts.count - 1] == instant {
            starts.removeLast()
            offsets.removeLast()
        }
        guard offsets.last != offset else { return }
        starts.append(instant)
        offsets.append(offset)
    }

    /// The offset in effect at UTC second `instant`.
    func offset(at instant: Int64) -> Int {
        offsets[periodIndex(containing: folded(instant))]
    }

    /// The UTC second at which local wall-clock second `local` happens: the first occurrence
    /// when it repeats, and when it falls in a gap, the instant it would have with the offset
    /// before the gap (so it moves forward by the gap's length).
    func instant(forLocal local: Int64) -> Int64 {
        let foldedLocal = folded(local)
        let shift = local - foldedLocal
        let first = periodIndex(containing: foldedLocal - 2 * 86_400)
        var index = first
        while index < starts.count, index == first || starts[index] <= foldedLocal + 2 * 86_400 {
            let candidate = foldedLocal - Int64(offsets[index])
            let end = index + 1 < starts.count ? starts[index + 1] : .max
            if candidate >= starts[index] && candidate < end { return candidate + shift }
            if index > first, foldedLocal < starts[index] + Int64(offsets[index]) {
                return foldedLocal - Int64(offsets[index - 1]) + shift
            }
            index += 1
        }
        return foldedLocal - Int64(offsets[first]) + shift
    }

    /// `instant` moved back by whole 400-year cycles into the expanded part of the table.
    private func folded(_ instant: Int64) -> Int64 {
        guard let cycleStart, instant >= cycleStart + Self.cycleSeconds else { return instant }
        return cycleStart + (instant - cycleStart) % Self.cycleSeconds
    }

    /// The last period starting at or before `instant`.
    func periodIndex(containing instant: Int64) -> Int {
        guard instant >= stretchBase, instant < stretchEnd else { return searchedPeriodIndex(containing: instant) }
        var index = Int(stretchPeriods[Int((instant - stretchBase) >> Self.stretchShift)])
        while index + 1 < starts.count, starts[index + 1] <= instant { index += 1 }
        return index
    }

    /// `periodIndex(containing:)` by binary search over the whole table.
    func searchedPeriodIndex(containing instant: Int64) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        return low
    }

    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
