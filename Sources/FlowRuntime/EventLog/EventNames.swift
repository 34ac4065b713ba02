/// The event names of a log: each distinct name is made into a `String` and judged against
/// `propertiesWanted` once, then found again by its bytes in a `ShortBytesCache` (like
/// `StringMaker`'s), so a repeated name costs one hash and one comparison, not a `Set` lookup.
final class EventNames {
    struct Name {
        var string: String
        /// Whether a `track` event of this name keeps its properties.
        var keepsProperties: Bool
    }

    /// nil: every event keeps its properties.
    let propertiesWanted: Set<String>?
    private let cache = ShortBytesCache(bits: 6, placeholder: Name(string: "", keepsProperties: false))

    init(propertiesWanted: Set<String>?) {
        self.propertiesWanted = propertiesWanted
    }

    /// The name in `token` (a string scanned by `scanner`).
    func name(_ token: StringToken, with scanner: JSONScanner) -> Name {
        guard !token.hasEscapes, token.count <= ShortBytes.maxCount else { return judged(scanner.string(token)) }
        return cache.value(for: ShortBytes(scanner.bytes, start: token.start, count: token.count)) {
            judged(scanner.string(token))
        }
    }

    private func judged(_ string: String) -> Name {
        Name(string: string, keepsProperties: propertiesWanted?.contains(string) ?? true)
    }
}
