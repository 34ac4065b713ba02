import CPrefetch

/// Starts loading the storage of `value` without waiting: of an array (its header and first
/// elements), or of a struct whose first stored property is an array (`Value.Object`, `PackedObject`). The
/// storage's address is read from the value's first word in place, so nothing is retained: a
/// retain would write to the very cache line being fetched, and so wait for it. A hint only
/// (a prefetch of any address is harmless), for replay's look-ahead.
@inline(__always)
func prefetchStorage<T>(of value: inout T) {
    withUnsafeMutablePointer(to: &value) { word in
        flowc_prefetch(UnsafeRawPointer(word).load(as: UnsafeRawPointer.self))
    }
}
