/// A dynamic value: a trait, an event property, a YAML scalar in `update:`, or an expression result.
///
/// Numbers keep the text they were written with (`59.90` stays `59.90` in templates);
/// comparisons use `double`. Timestamps and durations are integer milliseconds.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Number)
    case string(String)
    /// Milliseconds since the Unix epoch, UTC.
    case timestamp(Int64)
    /// Milliseconds.
    case duration(Int64)
    case list([Value])
    case object(Object)

    /// A number with the exact text it was written as.
    public struct Number: Hashable, Sendable {
        public var double: Double
        public var text: String

        public init(_ double: Double, text: String) {
            self.double = double
            self.text = text
        }

        public init(_ double: Double) {
            self.double = double
            if double == double.rounded(), abs(double) < 1e15 {
                text = String(Int64(double))
            } else {
                text = String(double)
            }
        }

        public static func == (a: Number, b: Number) -> Bool { a.double == b.double }
        public func hash(into hasher: inout Hasher) { hasher.combine(double) }
    }

    /// An ordered string-keyed map (JSON object order is kept for output; lookups are by key).
    public struct Object: Hashable, Sendable {
        public private(set) var keys: [String] = []
        public private(set) var storage: [String: Value] = [:]

        public init() {}

        public init(_ pairs: [(String, Value)]) {
            for (key, value) in pairs { self[key] = value }
        }

        public subscript(key: String) -> Value? {
            get { storage[key] }
            set {
                if let newValue {
                    if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
                } else if storage.removeValue(forKey: key) != nil {
                    keys.removeAll { $0 == key }
                }
            }
        }

        public var isEmpty: Bool { storage.isEmpty }
        public var count: Int { storage.count }

        /// Key-value pairs in insertion order.
        public var pairs: [(key: String, value: Value)] { keys.map { ($0, storage[$0]!) } }

        public static func == (a: Object, b: Object) -> Bool { a.storage == b.storage }
        public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The member `key` of an object, else null.
    public subscript(key: String) -> Value {
        if case .object(let object) = self { return object[key] ?? .null }
        return .null
    }
}
