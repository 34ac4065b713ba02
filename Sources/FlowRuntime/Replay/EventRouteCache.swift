import FlowIR

/// The project's event routes, found first by the bits of the name's `String` and only then by
/// hashing the name. The reader makes each distinct event name once and hands out that same
/// string (`EventNames`), so a repeated name has the same two words: a small string's bytes, or
/// the pointer to its storage. The cache keeps every name it holds alive, so equal words always
/// mean the same name; a name seen in another form is simply looked up by hashing.
struct EventRouteCache {
    private struct Slot {
        var words: (UInt64, UInt64)
        /// Kept so that its storage (and so its words) stays this name's.
        var name: String
        /// Index into `routes`; -1 when no flow or feedback rule cares about the name.
        var route: Int32
    }

    private static let slotBits = 6
    private let routes: [EventRoute]
    private let routeNumbers: [String: Int32]
    private var slots: [Slot?] = Array(repeating: nil, count: 1 << EventRouteCache.slotBits)

    init(_ routes: [String: EventRoute]) {
        let named = Array(routes)
        self.routes = named.map(\.value)
        routeNumbers = Dictionary(uniqueKeysWithValues: named.enumerated().map { ($0.element.key, Int32($0.offset)) })
    }

    /// The route of events named `name`; nil when nothing is done with them.
    mutating func route(named name: String) -> EventRoute? {
        guard MemoryLayout<String>.size == 16 else { return routeNumbers[name].map { routes[Int($0)] } }
        let words = unsafeBitCast(name, to: (UInt64, UInt64).self)
        let slot = Int(truncatingIfNeeded: ((words.0 ^ words.1) &* 0x9E37_79B9_7F4A_7C15) >> (64 - UInt64(Self.slotBits)))
        let number: Int32
        if let cached = slots[slot], cached.words == words {
            number = cached.route
        } else {
            number = routeNumbers[name] ?? -1
            slots[slot] = Slot(words: words, name: name, route: number)
        }
        return number < 0 ? nil : routes[Int(number)]
    }
}
