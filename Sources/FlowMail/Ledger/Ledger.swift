import FlowRuntime
import Foundation
import GRDB

/// The delivery ledger: an SQLite database in the state directory (`--state`, default
/// `./.flowc`, file `ledger.sqlite`) that remembers every message handed to a transport, so a
/// re-run delivers nothing twice (spec section 7). Each change is one transaction.
///
/// The database runs in WAL mode with `synchronous = NORMAL`: a commit survives the process
/// being killed at any point (what crash safety needs); only a power loss may forget the last
/// commits, which then costs a re-delivery.
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
        try self.init(opening: {
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            return try DatabaseQueue(path: stateDirectory + "/" + Ledger.fileName, configuration: configuration)
        })
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
            }
            try db.create(index: "message_by_state", on: LedgerEntry.databaseTableName, columns: ["state"])
        }
        migrator.registerMigration("v2: hard bounces") { db in
            try db.alter(table: LedgerEntry.databaseTableName) { table in
                table.add(column: "hard_bounce", .boolean).notNull().defaults(to: false)
            }
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

    /// The contacts an SMTP server refused for good (hard bounces), sorted.
    public func bouncedContacts() throws(MailError) -> [String] {
        try read("list bounced contacts") { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT contact FROM message WHERE hard_bounce ORDER BY contact")
        }
    }

    /// Records a batch about to be handed to a transport, in one transaction: a new message is
    /// entered as `planned`; a known one keeps its state until it is marked sending.
    public func markPlanned(_ sends: [PlannedSend], at now: Int64) throws(MailError) {
        try write("record \(sends.count) planned messages") { db in
            for send in sends where try !LedgerEntry.exists(db, key: send.id) {
                try LedgerEntry(
                    id: send.id, flow: send.flow, step: send.step, template: send.template, contact: send.contact,
                    recipient: send.to, time: send.time, state: .planned, attempts: 0, updatedAt: now
                ).insert(db)
            }
        }
    }

    /// Records that messages `ids` (already planned) are being handed to the transport:
    /// `sending`, one more attempt each, in one transaction.
    public func markSending(_ ids: [String], at now: Int64) throws(MailError) {
        try write("record \(ids.count) messages as sending") { db in
            let statement = try db.cachedStatement(sql: "UPDATE message SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?")
            for id in ids { try statement.execute(arguments: [now, id]) }
        }
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
        let sql: String
        let arguments: StatementArguments
        switch outcome {
        case .sent:
            sql = "UPDATE message SET state = 'sent', updated_at = ?, delivered_at = ?, error_code = NULL, error = NULL WHERE id = ?"
            arguments = [now, now, id]
        case .deferred(let code, let reason):
            sql = "UPDATE message SET state = 'deferred', updated_at = ?, error_code = ?, error = ? WHERE id = ?"
            arguments = [now, code, reason, id]
        case .failed(let code, let reason), .bounced(let code, let reason):
            let bounce: Bool
            if case .bounced = outcome { bounce = true } else { bounce = false }
            sql = "UPDATE message SET state = 'failed', updated_at = ?, error_code = ?, error = ?, hard_bounce = ? WHERE id = ?"
            arguments = [now, code, reason, bounce, id]
        }
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    private func read<T>(_ action: String, _ body: (Database) throws -> T) throws(MailError) -> T {
        do { return try database.read(body) } catch { throw .ledger(action, error) }
    }

    private func write(_ action: String, _ body: (Database) throws -> Void) throws(MailError) {
        do { try database.write(body) } catch { throw .ledger(action, error) }
    }
}
