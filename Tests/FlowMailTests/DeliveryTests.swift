@testable import FlowMail
import FlowRuntime
import Foundation
import Testing

@Suite struct DeliveryTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "flowmail-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func plan(_ count: Int) -> [PlannedSend] {
        (1...count).map { n in
            Fixtures.send(id: String(repeating: "0", count: 30) + (n < 10 ? "0\(n)" : "\(n)"), time: 1_772_355_900_000 + Int64(n) * 1000)
        }
    }

    @Test func maildirWritesIntoNewThroughTmp() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let transport = try MaildirTransport(directory: directory + "/outbox")
        let message = OutgoingMessage(id: "0123456789abcdef0123456789abcdef", time: 1_772_355_900_250, sender: "a@b.example", recipient: "c@d.example", bytes: Array("Subject: x\r\n\r\nbody\r\n".utf8))
        #expect(try transport.deliver(message) == .sent)
        let fileManager = FileManager.default
        #expect(try fileManager.contentsOfDirectory(atPath: directory + "/outbox/tmp").isEmpty)
        #expect(try fileManager.contentsOfDirectory(atPath: directory + "/outbox/cur").isEmpty)
        #expect(try fileManager.contentsOfDirectory(atPath: directory + "/outbox/new") == ["1772355900.0123456789abcdef0123456789abcdef.flowc.eml"])
        let written = try Data(contentsOf: URL(fileURLWithPath: directory + "/outbox/new/1772355900.0123456789abcdef0123456789abcdef.flowc.eml"))
        #expect(Array(written) == message.bytes)
    }

    @Test func maildirReportsAnUnwritableDirectory() {
        #expect(throws: MailError.self) { try MaildirTransport(directory: "/proc/flowmail-cannot-exist/outbox") }
    }

    @Test func secondDeliveryOfTheSamePlanDeliversNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = try Ledger(stateDirectory: directory + "/state")
        let delivery = Delivery(renderer: try Fixtures.renderer(), transport: try MaildirTransport(directory: directory + "/outbox"), ledger: ledger, clock: { 42 })

        let first = try delivery.deliver(plan(3))
        #expect(first.delivered == 3 && first.alreadyDelivered == 0)
        let second = try delivery.deliver(plan(3))
        #expect(second.delivered == 0 && second.alreadyDelivered == 3)
        let third = try delivery.deliver(plan(5))
        #expect(third.delivered == 2 && third.alreadyDelivered == 3)

        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/outbox/new").count == 5)
        let entries = try ledger.entries()
        #expect(entries.map(\.state) == Array(repeating: .sent, count: 5))
        #expect(entries.allSatisfy { $0.attempts == 1 && $0.deliveredAt == 42 && $0.flow == "abandoned-cart" && $0.recipient == "ana@example.com" })

        // The ledger survives reopening.
        let reopened = try Ledger(stateDirectory: directory + "/state")
        #expect(try reopened.isDelivered(plan(1)[0].id))
    }

    @Test func dryRunRecordsNothing() throws {
        let ledger = try Ledger.inMemory()
        let delivery = Delivery(renderer: try Fixtures.renderer(), transport: DryRunTransport(), ledger: ledger)
        #expect(try delivery.deliver(plan(2)).delivered == 2)
        #expect(try ledger.entries().isEmpty)
    }

    @Test func permanentFailuresAreKeptAndNeverRetried() throws {
        struct Refusing: MessageTransport {
            var recordsDeliveries: Bool { true }
            func deliver(_ message: OutgoingMessage) throws(MailError) -> TransportOutcome { .failed(code: 550, reason: "no such user") }
        }
        let ledger = try Ledger.inMemory()
        let refused = try Delivery(renderer: Fixtures.renderer(), transport: Refusing(), ledger: ledger).deliver(plan(1))
        #expect(refused.failed == 1 && refused.delivered == 0)
        let entry = try #require(try ledger.entry(plan(1)[0].id))
        #expect(entry.state == .failed && entry.errorCode == 550 && entry.error == "no such user")

        let retried = try Delivery(renderer: Fixtures.renderer(), transport: DryRunTransport(), ledger: ledger).deliver(plan(1))
        #expect(retried.failed == 1 && retried.delivered == 0)
    }

    @Test func deferredMessagesAreTriedAgain() throws {
        struct Deferring: MessageTransport {
            var recordsDeliveries: Bool { true }
            func deliver(_ message: OutgoingMessage) throws(MailError) -> TransportOutcome { .deferred(code: 451, reason: "try later") }
        }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = try Ledger.inMemory()
        #expect(try Delivery(renderer: Fixtures.renderer(), transport: Deferring(), ledger: ledger).deliver(plan(1)).deferred == 1)
        #expect(try ledger.entry(plan(1)[0].id)?.state == .deferred)
        let outbox = try MaildirTransport(directory: directory)
        #expect(try Delivery(renderer: Fixtures.renderer(), transport: outbox, ledger: ledger).deliver(plan(1)).delivered == 1)
        #expect(try ledger.entry(plan(1)[0].id)?.attempts == 2)
    }
}
