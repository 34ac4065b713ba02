/// A direct-mapped cache by `ShortBytes` key: each of its `1 << bits` slots holds the last value
/// whose key hashed to it, so a lookup is one hash and one comparison of four words, and the
/// cache never grows. Serves `StringMaker` and `EventNames`.
final class ShortBytesCache<Value> {
    private struct Slot {
        var key: ShortBytes
        var value: Value
    }

    private let bits: Int
    private let slots: UnsafeMutablePointer<Slot>

    /// `bits` at most 8; `placeholder` fills the empty slots (no key finds it).
    init(bits: Int, placeholder: Value) {
        self.bits = bits
        slots = .allocate(capacity: 1 << bits)
        slots.initialize(repeating: Slot(key: .none, value: placeholder), count: 1 << bits)
    }

    deinit {
        slots.deinitialize(count: 1 << bits)
        slots.deallocate()
    }

    /// The value cached for `key`, else the one `make` gives, cached from now on.
    @inline(__always)
    func value(for key: ShortBytes, orMake make: () -> Value) -> Value {
        let slot = slots + key.slot(bits: bits)
        if slot.pointee.key == key { return slot.pointee.value }
        let value = make()
        slot.pointee = Slot(key: key, value: value)
        return value
    }
}
