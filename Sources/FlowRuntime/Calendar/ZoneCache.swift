import Foundation

/// Resolves timezone names (spec 4.5) against the system tz database and remembers the answer,
/// so that after the first time a name costs one dictionary look-up. Owned by one replay; not
/// shared between threads.
public final class ZoneCache {
    /// The tz database directory.
    public let directory: String
    private var zones: [String: Zone?] = [:]
    /// Names asked for lately as strings (the project's, a scenario's, `flowc explain`'s, and
    /// the byte cache's misses), found by the string's words before `zones` hashes them.
    private var recent = StringBitsCache<Zone?>(setBits: 5)
    /// Names read as UTF-8 in place (a contact's packed `timezone` trait), by their bytes.
    private let recentUTF8 = ShortBytesCache<Zone?>(bits: 6, placeholder: nil)
    private var directoryListings: [String: Set<String>] = [:]

    /// Tree entries that are not IANA zone names: the `posix/` and `right/` copies, and
    /// machine-dependent or compatibility aliases.
    private static let excludedNames: Set<String> = ["posix", "right", "localtime", "posixrules"]

    public init(directory: String = "/usr/share/zoneinfo") {
        self.directory = directory
    }

    /// The zone with this exact (case-sensitive) IANA name, e.g. `Europe/Berlin`; nil when the
    /// name is not a zone of the tz database. `UTC` always resolves.
    public func zone(named name: String) -> Zone? {
        recent.value(for: name) { name in
            if let known = zones[name] { return known }
            let zone = name == Zone.utc.name ? Zone.utc : load(name)
            zones[name] = zone
            return zone
        }
    }

    /// The zone whose name has the UTF-8 `name`, as `zone(named:)` finds it; a name of up to
    /// `ShortBytes.maxCount` bytes seen lately is found by its bytes, with no `String` made.
    func zone(namedUTF8 name: UnsafeRawBufferPointer) -> Zone? {
        let bytes = name.assumingMemoryBound(to: UInt8.self)
        let make = { self.zone(named: String(decoding: bytes, as: UTF8.self)) }
        guard bytes.count <= ShortBytes.maxCount else { return make() }
        return recentUTF8.value(for: ShortBytes(bytes, start: 0, count: bytes.count), orMake: make)
    }

    /// A contact's zone: its `timezone` trait when that names a zone, else `fallback` (the
    /// project zone).
    public func zone(forTrait timezone: String?, fallback: Zone) -> Zone {
        timezone.flatMap(zone(named:)) ?? fallback
    }

    private func load(_ name: String) -> Zone? {
        guard let components = Self.components(of: name), exists(components),
              let data = FileManager.default.contents(atPath: directory + "/" + name),
              let tzif = TZif(bytes: [UInt8](data))
        else { return nil }
        return Zone(name: name, table: OffsetTable(tzif))
    }

    /// The path components of a well-formed zone name: letters, digits, `_`, `+` and `-`
    /// between single slashes, so no name can reach outside the database or into its
    /// non-zone entries.
    static func components(of name: String) -> [Substring]? {
        guard (1...128).contains(name.utf8.count) else { return nil }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = components.first, !excludedNames.contains(String(first)) else { return nil }
        for component in components {
            guard let head = component.utf8.first, head != UInt8(ascii: "-"),
                  component.utf8.allSatisfy(isNameByte)
            else { return nil }
        }
        return components
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// Whether every component is listed, with this exact spelling, in its directory: names
    /// stay case-sensitive even on a case-insensitive file system.
    private func exists(_ components: [Substring]) -> Bool {
        var path = directory
        for component in components {
            guard listing(of: path).contains(String(component)) else { return false }
            path += "/" + component
        }
        return true
    }

    private func listing(of path: String) -> Set<String> {
        if let known = directoryListings[path] { return known }
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
        directoryListings[path] = names
        return names
    }
}
