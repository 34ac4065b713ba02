import FlowRuntime
import Foundation
import GRDB

/// The delivery ledger: an SQLite database in the state directory (`--state`, default
/// `./.flowc`, file `ledger.sqlite`) that remembers every message handed to a transport, so a
/// re-run delivers nothing twice (spec section 7). Each change is one transaction.
public struct Ledger: Sendable {
    public static let defaultStateDirectory = ".flowc"
    public static let fileName = "ledger.sqlite"

    private let database: DatabaseQueue

    /// Opens (creating when missing) `stateDirectory/ledger.sqlite` and migrates it.
    public init(stateDirectory: String = Ledger.defaultStateDirectory) throws(MailError) {
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw MailError("cannot create the state directory `\(stateDirectory)`: \(error.localizedDescription); choose another with `--state`")
        }
        try self.init(opening: { try DatabaseQueue(path: stateDirectory + "/" + Ledger.fileName) })
    }

    /// An empty ledger in memory (for tests and dry runs).
    public static func inMemory() throws(MailError) -> Ledger {
        try Ledger(opening: { try DatabaseQueue() })
    }

    private init(opening: () throws -> DatabaseQueue) throws(MailError) {
        do {
            database = try opening()
            try Self.migrator.migrate(database)
        } catch {
            throw .ledger("be opened", error)
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: messages") { db in
            try db.create(table: LedgerEntry.databaseTableName) { table in
                table.primaryKey("id", .text)
                table.column("flow", .text).notNull()
                table.column("step", .text).notNull()
                table.column("template", .text).notNull()
                table.column("contact", .text).notNull()
                table.column("recipient", .text).notNull()
                table.column("time", .integer).notNull()
                table.column("state", .text).notNull()
                    .check { ["planned", "sending", "sent", "deferred", "failed"].contains($0) }
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("updated_at", .integer).notNull()
                table.column("delivered_at", .integer)
                table.column("error_code", .integer)
                table.column("error", .text)
                table.column("next_attempt_at", .integer)
            }
            try db.create(index: "message_by_state", on: LedgerEntry.databaseTableName, columns: ["state"])
        }
        return migrator
    }

    /// The entry for message `id`, if the ledger has one.
    public func entry(_ id: String) throws(MailError) -> LedgerEntry? {
        try read("look up message \(id)") { db in try LedgerEntry.fetchOne(db, key: id) }
    }

    /// Whether message `id` was delivered (`sent`).
    public func isDelivered(_ id: String) throws(MailError) -> Bool {
        try entry(id)?.state == .sent
    }

    /// All entries, by replay time then id.
    public func entries() throws(MailError) -> [LedgerEntry] {
        try read("list messages") { db in
            try LedgerEntry.order(Column("time"), Column("id")).fetchAll(db)
        }
    }

    /// Records that `send` is being handed to the transport (`sending`, one more attempt).
    public func markSending(_ send: PlannedSend, at now: Int64) throws(MailError) {
        try markSending([send], at: now)
    }

    /// Records a batch of sends as being handed to the transport, in one transaction.
    public func markSending(_ sends: [PlannedSend], at now: Int64) throws(MailError) {
        try write("record \(sends.count) messages") { db in
            for send in sends { try Self.markSending(send, at: now, in: db) }
        }
    }

    private static func markSending(_ send: PlannedSend, at now: Int64, in db: Database) throws {
            var entry = try LedgerEntry.fetchOne(db, key: send.id) ?? LedgerEntry(
                id: send.id, flow: send.flow, step: send.step, template: send.template, contact: send.contact,
                recipient: send.to, time: send.time, state: .planned, attempts: 0, updatedAt: now
            )
            entry.state = .sending
            entry.attempts += 1
            entry.updatedAt = now
            try entry.save(db)
    }

    /// Records what the transport did with message `id` (which must have been marked sending).
    public func record(_ outcome: TransportOutcome, for id: String, at now: Int64) throws(MailError) {
        try record([(id, outcome)], at: now)
    }

    /// Records the outcomes of a batch, in one transaction.
    public func record(_ outcomes: [(id: String, outcome: TransportOutcome)], at now: Int64) throws(MailError) {
        try write("record the outcome of \(outcomes.count) messages") { db in
            for (id, outcome) in outcomes { try Self.record(outcome, for: id, at: now, in: db) }
        }
    }

    private static func record(_ outcome: TransportOutcome, for id: String, at now: Int64, in db: Database) throws {
            guard var entry = try LedgerEntry.fetchOne(db, key: id) else { return }
            entry.updatedAt = now
            switch outcome {
            case .sent:
                entry.state = .sent
                entry.deliveredAt = now
                entry.errorCode = nil
                entry.error = nil
                entry.nextAttemptAt = nil
            case .deferred(let code, let reason):
                entry.state = .deferred
                entry.errorCode = code
                entry.error = reason
            case .failed(let code, let reason):
                entry.state = .failed
                entry.errorCode = code
                entry.error = reason
                entry.nextAttemptAt = nil
            }
            try entry.update(db)
    }

    private func read<T>(_ action: String, _ body: (Database) throws -> T) throws(MailError) -> T {
        do { return try database.read(body) } catch { throw .ledger(action, error) }
    }

    private func write(_ action: String, _ body: (Database) throws -> Void) throws(MailError) {
        do { try database.write(body) } catch { throw .ledger(action, error) }
    }
}
