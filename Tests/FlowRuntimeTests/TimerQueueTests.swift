@testable import FlowRuntime
import TestSupport
import Testing

/// The timer queue against a plain model: timers come out by due time, ties in the order they
/// were scheduled (spec 4.2), whatever the interleaving of schedules and pops.
@Suite struct TimerQueueTests {
    /// Counts the payloads alive, so that a leaked or twice-freed entry shows.
    final class Census {
        var alive = 0
    }

    final class Payload {
        let label: Int
        let census: Census
        init(_ label: Int, _ census: Census) {
            self.label = label
            self.census = census
            census.alive += 1
        }
        deinit { census.alive -= 1 }
    }

    @Test func popsInDueThenSchedulingOrderAndFreesWhatItPops() {
        let census = Census()
        run(census)
        #expect(census.alive == 0) // the queue and everything popped are gone
    }

    private func run(_ census: Census) {
        var random = SeededGenerator(seed: 11)
        var queue = TimerQueue<Payload>()
        var model: [(due: Int64, sequence: Int, label: Int)] = []
        var scheduled = 0
        var popped: [Int] = []
        var expected: [Int] = []
        var clock: Int64 = 0
        for _ in 0..<20_000 {
            if random.chance(55) {
                let due = clock + Int64(random.index(below: 50)) // many ties
                queue.schedule(at: due, Payload(scheduled, census))
                model.append((due, scheduled, scheduled))
                scheduled += 1
            } else {
                clock += Int64(random.index(below: 20))
                while let entry = queue.popDue(atOrBefore: clock) { popped.append(entry.payload.label) }
                model.sort { ($0.due, $0.sequence) < ($1.due, $1.sequence) }
                let due = model.prefix { $0.due <= clock }
                expected += due.map(\.label)
                model.removeFirst(due.count)
            }
        }
        #expect(popped == expected)
        #expect(queue.count == model.count)
        #expect(census.alive == model.count) // popped payloads were freed, pending ones are kept
        #expect(Set(queue.pending.map(\.label)) == Set(model.map(\.label)))
    }
}
