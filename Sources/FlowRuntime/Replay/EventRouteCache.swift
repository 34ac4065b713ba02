import FlowIR

/// The project's event routes, found first by the name string's words (see `StringBitsCache`:
/// the reader makes each distinct event name once) and only then by hashing the name.
struct EventRouteCache {
    private let routes: [EventRoute]
    private let routeNumbers: [String: Int32]
    /// Index into `routes` per name; -1 when no flow or feedback rule cares about the name.
    private var numbers = StringBitsCache<Int32>(slotBits: 6)

    init(_ routes: [String: EventRoute]) {
        let named = Array(routes)
        self.routes = named.map(\.value)
        routeNumbers = Dictionary(uniqueKeysWithValues: named.enumerated().map { ($0.element.key, Int32($0.offset)) })
    }

    /// The route of events named `name`; nil when nothing is done with them.
    mutating func route(named name: String) -> EventRoute? {
        let number = numbers.value(for: name) { routeNumbers[$0] ?? -1 }
        return number < 0 ? nil : routes[Int(number)]
    }
}
