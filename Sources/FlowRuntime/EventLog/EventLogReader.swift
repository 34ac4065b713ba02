import FlowSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How `flowc run` reads its event log (`--sort`, `--skip-invalid`).
public struct EventLogOptions: Sendable {
    /// Read the whole log, then yield its events stably sorted by timestamp.
    public var sort: Bool
    /// Skip and count malformed lines instead of failing on the first one.
    public var skipInvalid: Bool
    /// The `track` events whose `properties` the caller reads (for replay:
    /// `CompiledProject.eventsReadingProperties`). Every other event gets empty properties,
    /// which are then validated but never built. nil (the default): every event keeps them.
    public var propertiesWanted: Set<String>?
    /// The `properties` keys (of any event) and the traits the caller reads (for replay:
    /// `CompiledProject.keysRead`). Other members are validated but neither built nor kept.
    /// nil (the default): all of them.
    public var propertyKeysWanted: Set<String>?
    public var traitsWanted: Set<String>?

    public init(sort: Bool = false, skipInvalid: Bool = false, propertiesWanted: Set<String>? = nil,
                propertyKeysWanted: Set<String>? = nil, traitsWanted: Set<String>? = nil) {
        self.sort = sort
        self.skipInvalid = skipInvalid
        self.propertiesWanted = propertiesWanted
        self.propertyKeysWanted = propertyKeysWanted
        self.traitsWanted = traitsWanted
    }
}

/// What the reader saw, for the run summary. Nothing is dropped without being counted.
public struct EventLogStats: Equatable, Sendable {
    /// Lines read, blank ones included.
    public var linesRead = 0
    /// Events handed to the caller.
    public var eventsYielded = 0
    /// Malformed lines skipped (`skipInvalid`).
    public var invalidLinesSkipped = 0
    /// Events ignored because an earlier line had the same `messageId`.
    public var duplicatesIgnored = 0
    /// Valid events of types flowc ignores (`page`, `screen`, `group`, `alias`).
    public var ignoredTypes = 0

    public init() {}
}

/// Streams the events of a JSON Lines event log (spec 4.1) one at a time.
///
/// - Blank lines (only whitespace) are skipped; a UTF-8 byte order mark on line 1 is ignored.
/// - A malformed line is an `EventLogError` naming file, line and column, unless `skipInvalid`
///   (then it is counted and the first `maxRecordedSkips` are kept in `skippedLines`).
/// - `messageId` de-duplicates across the whole log: the first line in file order wins, also
///   with `sort`. A duplicate is counted and does not take part in the order check.
/// - Without `sort`, a line whose timestamp is earlier than the previous valid line's is an
///   error (every valid line counts, including ignored types); it is not skippable.
/// - With `sort`, events come out by timestamp, ties in file order.
public final class EventLogReader {
    /// The log's name in messages: the path as given, `<stdin>` for `-`.
    public let name: String
    public let options: EventLogOptions
    // The state touched for every line is exempt from dynamic exclusivity checks: no access to
    // it ever overlaps another, and the checks would cost a good part of the reader's time.
    @exclusivity(unchecked) public private(set) var stats = EventLogStats()
    /// The first `maxRecordedSkips` lines skipped by `skipInvalid`, with what was wrong (all are
    /// counted in `stats`).
    public private(set) var skippedLines: [EventLogError] = []
    public static let maxRecordedSkips = 10

    private let lines: LineSource
    @exclusivity(unchecked) private var lineNumber = 0
    private let decoder: EventDecoder
    @exclusivity(unchecked) private var seenMessageIDs: MessageIDSet
    @exclusivity(unchecked) private var previous: (timestamp: Int64, line: Int)?
    /// With `sort`: the sorted events, filled on the first `next()`, and the next one to yield.
    private var sorted: [Event]?
    private var sortedIndex = 0

    /// Opens the log at `path`; `-` reads standard input.
    public convenience init(path: String, options: EventLogOptions = EventLogOptions()) throws(EventLogError) {
        if path == "-" {
            self.init(lines: LineSource(descriptor: STDIN_FILENO, closesDescriptor: false), name: "<stdin>", options: options)
            return
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw EventLogError(file: path, line: nil, column: nil, message: "cannot open the event log: \(reason)",
                                help: "check the path given to `--events`, or pass `-` to read standard input")
        }
        self.init(lines: LineSource(descriptor: descriptor, closesDescriptor: true), name: path, options: options)
    }

    /// Reads a log held in memory; `name` is used in messages.
    public convenience init(bytes: [UInt8], name: String, options: EventLogOptions = EventLogOptions()) {
        self.init(lines: LineSource(bytes: bytes), name: name, options: options)
    }

    private init(lines: LineSource, name: String, options: EventLogOptions) {
        self.lines = lines
        seenMessageIDs = MessageIDSet(readingAgain: lines)
        self.name = name
        self.options = options
        decoder = EventDecoder(propertiesWanted: options.propertiesWanted, propertyKeysWanted: options.propertyKeysWanted,
                               traitsWanted: options.traitsWanted)
    }

    /// The next event, nil at the end of the log.
    public func next() throws(EventLogError) -> Event? {
        let event: Event?
        if options.sort {
            let events = try sortedEvents()
            event = sortedIndex < events.count ? events[sortedIndex] : nil
            sortedIndex += 1
        } else {
            event = try nextInFileOrder()
        }
        if event != nil { stats.eventsYielded += 1 }
        return event
    }

    /// With `sort`: the whole log's events, read and sorted on the first call.
    private func sortedEvents() throws(EventLogError) -> [Event] {
        if let sorted { return sorted }
        var events: [Event] = []
        while let event = try nextInFileOrder() { events.append(event) }
        events.sort { ($0.timestamp, $0.line) < ($1.timestamp, $1.line) }
        sorted = events
        return events
    }

    /// The next valid, new, replayable event in file order.
    private func nextInFileOrder() throws(EventLogError) -> Event? {
        while true {
            let line: UnsafeBufferPointer<UInt8>?
            do {
                line = try lines.nextLine()
            } catch {
                throw EventLogError(file: name, line: nil, column: nil, message: "cannot read the event log: \(error.message)")
            }
            guard let line else { return nil }
            lineNumber += 1
            stats.linesRead += 1
            guard !EventLogReader.isBlank(line) else { continue }

            let decoded: DecodedLine
            do {
                decoded = try decoder.decode(line, lineNumber: lineNumber, messageIDs: seenMessageIDs)
            } catch {
                let failure = self.error(error.message, help: error.help, offset: error.offset, in: line)
                guard options.skipInvalid else { throw failure }
                stats.invalidLinesSkipped += 1
                if skippedLines.count < EventLogReader.maxRecordedSkips { skippedLines.append(failure) }
                continue
            }
            if let messageID = decoded.messageID, !messageID.withBytes(in: line, { seenMessageIDs.insert($0, line: lineNumber) }) {
                stats.duplicatesIgnored += 1
                continue
            }
            if !options.sort { try checkOrder(decoded, in: line) }
            guard let event = decoded.event else {
                stats.ignoredTypes += 1
                continue
            }
            return event
        }
    }

    private func checkOrder(_ decoded: DecodedLine, in line: UnsafeBufferPointer<UInt8>) throws(EventLogError) {
        if let previous, decoded.timestamp < previous.timestamp {
            throw error(
                "timestamp \(RFC3339.format(decoded.timestamp)) is earlier than \(RFC3339.format(previous.timestamp)) on line \(previous.line)",
                help: "the log must be in timestamp order: sort it, or use --sort to let flowc sort it",
                offset: decoded.timestampOffset, in: line)
        }
        previous = (decoded.timestamp, lineNumber)
    }

    private func error(_ message: String, help: String?, offset: Int, in line: UnsafeBufferPointer<UInt8>) -> EventLogError {
        EventLogError(file: name, line: lineNumber, column: JSONError.column(ofOffset: offset, in: line),
                      message: message, help: help)
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = line.first, first == UInt8(ascii: "{") { return false }
        return line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
