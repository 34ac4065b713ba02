@testable import FlowRuntime
import TestSupport
import Testing

/// Visit counts kept inline for the first eight steps and in an array after them agree with a
/// plain count per step.
@Suite struct VisitCountsTests {
    @Test func countsLikeAnArrayPerStep() {
        var random = SeededGenerator(seed: 5)
        var counts = VisitCounts()
        var expected = Array(repeating: Int32(0), count: 30)
        for _ in 0..<2000 {
            let position = random.index(below: 30)
            counts.increment(position)
            expected[position] += 1
            let probe = random.index(below: 40) // past the last step counted so far too
            #expect(counts[probe] == (probe < expected.count ? expected[probe] : 0), "step \(probe)")
        }
        #expect((0..<30).map { counts[$0] } == expected)
    }
}

/// The messages an instance sent, the first step's kept inline and the others in a list, agree
/// with a plain dictionary by step: latest message per step, opens and clicks by id.
@Suite struct SentMessagesTests {
    @Test func agreesWithADictionaryByStep() {
        var random = SeededGenerator(seed: 8)
        var sent = SentMessages()
        var model: [Int: SentMessage] = [:]
        for number in 0..<3000 {
            let position = random.index(below: 6)
            if random.chance(60) {
                sent.record(SentMessage(id: MessageID(high: 0, low: UInt64(number))), at: position)
                model[position] = SentMessage(id: MessageID(high: 0, low: UInt64(number)))
            } else if let id = model.values.randomElement(using: &random)?.id {
                let opens = random.chance(50)
                sent.update(id: id) { if opens { $0.opened = true } else { $0.clicked = true } }
                for (step, message) in model where message.id == id {
                    model[step]?.opened = message.opened || opens
                    model[step]?.clicked = message.clicked || !opens
                }
            }
            for step in 0..<6 {
                let found = sent[step], expected = model[step]
                #expect(found?.id == expected?.id && found?.opened == expected?.opened && found?.clicked == expected?.clicked)
            }
        }
    }
}
