/// The event names of a log: each distinct name is made into a `String` and judged against
/// `propertiesWanted` once, then found again by its bytes in a direct-mapped cache (like
/// `StringMaker`'s), so a repeated name costs one hash and one comparison, not a `Set` lookup.
final class EventNames {
    struct Name {
        var string: String
        /// Whether a `track` event of this name keeps its properties.
        var keepsProperties: Bool
    }

    private struct Slot {
        var key: ShortBytes
        var name: Name
    }

    private static let slotBits = 6
    /// nil: every event keeps its properties.
    let propertiesWanted: Set<String>?
    private let slots: UnsafeMutablePointer<Slot>

    init(propertiesWanted: Set<String>?) {
        self.propertiesWanted = propertiesWanted
        slots = .allocate(capacity: 1 << EventNames.slotBits)
        slots.initialize(repeating: Slot(key: .none, name: Name(string: "", keepsProperties: false)), count: 1 << EventNames.slotBits)
    }

    deinit {
        slots.deinitialize(count: 1 << EventNames.slotBits)
        slots.deallocate()
    }

    /// The name in `token` (a string scanned by `scanner`).
    func name(_ token: StringToken, with scanner: JSONScanner) -> Name {
        guard !token.hasEscapes, token.count <= ShortBytes.maxCount else { return judged(scanner.string(token)) }
        let key = ShortBytes(scanner.bytes, start: token.start, count: token.count)
        let slot = slots + key.slot(bits: EventNames.slotBits)
        if slot.pointee.key == key { return slot.pointee.name }
        let name = judged(scanner.string(token))
        slot.pointee = Slot(key: key, name: name)
        return name
    }

    private func judged(_ string: String) -> Name {
        Name(string: string, keepsProperties: propertiesWanted?.contains(string) ?? true)
    }
}
