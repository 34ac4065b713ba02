#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--outbox DIR`: a Maildir. Each message is written to `DIR/tmp/NAME`, then renamed into
/// `DIR/new/NAME`, so readers never see half a file. `flush` makes a whole batch durable with one
/// `sync` (one disk barrier per batch instead of two per message); a message re-delivered
/// after a crash replaces its own file, so a lost batch costs nothing but the rewrite.
///
/// NAME is `SECONDS.ID.flowc.eml`: the replay time in Unix seconds (so names sort by time), the
/// message id (unique, so no two messages collide and a repeated delivery replaces the same
/// file) and the `.eml` extension. Maildir's `:2,` info suffix is left to the reader that
/// moves the message to `cur/`.
public struct MaildirTransport: MessageTransport {
    public let directory: String

    /// Creates `directory` and its `tmp`, `new` and `cur` subdirectories when missing.
    public init(directory: String) throws(MailError) {
        self.directory = directory
        for path in [directory, directory + "/tmp", directory + "/new", directory + "/cur"] {
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw .io("create the directory", path: path, errno: errno)
            }
        }
    }

    public var recordsDeliveries: Bool { true }
    public var batchSize: Int { 512 }

    /// The file name of a message in `new/`.
    public static func fileName(for message: OutgoingMessage) -> String {
        let seconds = message.time >= 0 ? message.time / 1000 : (message.time - 999) / 1000
        return "\(seconds).\(message.id).flowc.eml"
    }

    public func deliver(_ message: OutgoingMessage) throws(MailError) -> TransportOutcome {
        let name = Self.fileName(for: message)
        let temporary = directory + "/tmp/" + name
        let final = directory + "/new/" + name
        try writeFile(message.bytes, to: temporary)
        guard rename(temporary, final) == 0 else { throw .io("move the message into", path: final, errno: errno) }
        return .sent
    }

    public func flush() throws(MailError) {
        // syncfs(2) is not exported to Swift by Glibc; sync(2) flushes the same and more.
        sync()
    }

    private func writeFile(_ bytes: [UInt8], to path: String) throws(MailError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .io("create", path: path, errno: errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io("write", path: path, errno: errno)
            }
            written += count
        }
    }
}
