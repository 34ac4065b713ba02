@testable import FlowRuntime
import TestSupport
import Testing

/// The timer queue against a plain model: timers come out by due time, ties in the order they
/// were scheduled (spec 4.2), whatever the interleaving of schedules, cancels and pops; a
/// cancelled timer never comes out and its payload is let go at once.
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

    /// The replay's timer payload is two words, and so is its slot in the queue: a pending timer
    /// of hundreds of thousands should not pay for an enum tag's third word.
    @Test func aReplayTimerSlotIsTwoWords() {
        #expect(MemoryLayout<Replayer.Timer?>.stride == 2 * MemoryLayout<Int>.stride)
        #expect(Replayer.TimerKind.resume(at: 0).resumePosition == 0)
        #expect(Replayer.TimerKind.resume(at: 7).resumePosition == 7)
        #expect(Replayer.TimerKind.sendAgain.resumePosition == nil)
    }

    /// How far ahead timers are scheduled and how far the clock moves at a time.
    struct Spread: Sendable, CustomTestStringConvertible {
        var ahead: Int
        var step: Int
        var start: Int64
        var testDescription: String { "ahead < \(ahead) ms, steps < \(step) ms, from \(start)" }
    }

    @Test(arguments: [
        Spread(ahead: 50, step: 20, start: 0), // many ties, all in one bucket
        Spread(ahead: 5 << 22, step: 1 << 20, start: -(3 << 22) - 17), // across buckets, from before 1970
        Spread(ahead: 1 << 30, step: 1 << 27, start: 1_772_323_200_000), // days ahead, empty buckets skipped
        Spread(ahead: 1 << 35, step: 1 << 31, start: 1_772_323_200_000), // a year ahead: past the ring of buckets
    ])
    func popsInDueThenSchedulingOrderAndFreesWhatItPops(_ spread: Spread) {
        let census = Census()
        run(census, spread)
        #expect(census.alive == 0) // the queue and everything popped are gone
    }

    private func run(_ census: Census, _ spread: Spread) {
        var random = SeededGenerator(seed: 11)
        var queue = TimerQueue<Payload>()
        var model: [(due: Int64, sequence: Int, label: Int, slot: Int)] = []
        var cancelledDues: [Int64] = []
        var scheduled = 0
        var popped: [Int] = []
        var expected: [Int] = []
        var clock = spread.start
        var sequences = 0
        // Sequences reserved now and used later, as a trigger moved later keeps its sequence.
        var reserved: [Int] = []
        for _ in 0..<20_000 {
            if random.chance(8), !model.isEmpty {
                let cancelled = model.remove(at: random.index(below: model.count))
                let aliveBefore = census.alive
                queue.cancel(cancelled.slot)
                cancelledDues.append(cancelled.due)
                #expect(census.alive == aliveBefore - 1)
            } else if random.chance(5) {
                _ = queue.reserveSequence()
                reserved.append(sequences)
                sequences += 1
            } else if random.chance(55) {
                // Now and then earlier than the clock: a timer scheduled late still fires first.
                let due = clock + Int64(random.index(below: spread.ahead)) - (random.chance(5) ? 3 : 0)
                if !reserved.isEmpty, random.chance(30) {
                    let sequence = reserved.removeFirst()
                    let slot = queue.schedule(at: due, sequence: UInt64(sequence), Payload(scheduled, census))
                    model.append((due, sequence, scheduled, slot))
                } else {
                    let slot = queue.schedule(at: due, Payload(scheduled, census))
                    model.append((due, sequences, scheduled, slot))
                    sequences += 1
                }
                scheduled += 1
            } else {
                clock += Int64(random.index(below: spread.step))
                while let entry = queue.popDue(atOrBefore: clock) { popped.append(entry.payload.label) }
                model.sort { ($0.due, $0.sequence) < ($1.due, $1.sequence) }
                let due = model.prefix { $0.due <= clock }
                expected += due.map(\.label)
                model.removeFirst(due.count)
                // Keys of cancelled timers still count until the clock passes them.
                cancelledDues.removeAll { $0 <= clock }
                #expect(queue.nextDue == (model.map(\.due) + cancelledDues).min())
            }
        }
        let firstDifference = zip(popped, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDifference == nil && popped.count == expected.count, "popped \(popped.count), expected \(expected.count), first difference at \(firstDifference.map(String.init) ?? "-")")
        #expect(queue.count == model.count)
        #expect(census.alive == model.count) // popped payloads were freed, pending ones are kept
        #expect(Set(queue.pending.map(\.label)) == Set(model.map(\.label)))
    }
}
