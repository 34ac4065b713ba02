@testable import FlowMail
import FlowRuntime
import Foundation
import Testing

/// The ledger's states as a transport reports them one message at a time: planned, sending,
/// then sent, deferred, failed or bounced; hard bounces name their contacts.
@Suite struct LedgerStateTests {
    private func plan(_ count: Int) -> [PlannedSend] {
        (1...count).map { n in
            var send = Fixtures.send(id: String(repeating: "a", count: 30) + (n < 10 ? "0\(n)" : "\(n)"), time: 1_772_355_900_000 + Int64(n) * 1000)
            send.contact = "c\(n)"
            return send
        }
    }

    /// Reports each message on its own, as the SMTP transport does, with the outcomes given.
    private struct OneByOne: Transport {
        let outcomes: [TransportOutcome]
        let seen: @Sendable ([LedgerEntry]) -> Void
        let ledger: Ledger
        var recordsDeliveries: Bool { true }
        var batchSize: Int { 4 }
        func deliver(_ batch: [OutgoingMessage], journal: any DeliveryJournal) throws(MailError) {
            seen(try ledger.entries())
            for (message, outcome) in zip(batch, outcomes) {
                try journal.sending([message.id])
                seen(try ledger.entries())
                try journal.finished([(message.id, outcome)])
            }
        }
    }

    @Test func eachMessageMovesFromPlannedThroughSendingToItsOutcome() throws {
        let ledger = try Ledger.inMemory()
        nonisolated(unsafe) var snapshots: [[MessageState]] = []
        let transport = OneByOne(
            outcomes: [.sent, .deferred(code: 451, reason: "later"), .failed(code: 554, reason: "content"), .bounced(code: 550, reason: "no such user")],
            seen: { snapshots.append($0.map(\.state)) }, ledger: ledger)
        let summary = try Delivery(renderer: Fixtures.renderer(), transport: transport, ledger: ledger, clock: { 7 }).deliver(plan(4))
        #expect(snapshots == [
            [.planned, .planned, .planned, .planned],
            [.sending, .planned, .planned, .planned],
            [.sent, .sending, .planned, .planned],
            [.sent, .deferred, .sending, .planned],
            [.sent, .deferred, .failed, .sending],
        ])
        #expect(summary.delivered == 1 && summary.deferred == 1 && summary.failed == 2 && summary.bounced == 1)
        let entries = try ledger.entries()
        #expect(entries.map(\.state) == [.sent, .deferred, .failed, .failed])
        #expect(entries.map(\.hardBounce) == [false, false, false, true])
        #expect(entries[3].errorCode == 550 && entries[3].error == "no such user")
        #expect(try ledger.bouncedContacts() == ["c4"])
    }

    @Test func aReplannedMessageKeepsItsStateAndCountsAttempts() throws {
        let ledger = try Ledger.inMemory()
        let sends = plan(1)
        try ledger.markPlanned(sends, at: 1)
        try ledger.markSending([sends[0].id], at: 2)
        try ledger.record([(sends[0].id, .deferred(code: 421, reason: "closing"))], at: 3)
        try ledger.markPlanned(sends, at: 4)
        #expect(try ledger.entry(sends[0].id)?.state == .deferred)
        try ledger.markSending([sends[0].id], at: 5)
        try ledger.record([(sends[0].id, .sent)], at: 6)
        let entry = try #require(try ledger.entry(sends[0].id))
        #expect(entry.state == .sent && entry.attempts == 2 && entry.deliveredAt == 6 && entry.errorCode == nil)
    }
}
