extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, line breaks).
    public func trimmingWhitespace() -> String {
        // Fast path: nothing to trim when both ends are visible ASCII.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
