import CPrefetch

/// Starts loading the storage of `array` (its header and first elements) without waiting. The
/// storage's address is read from the array's one word in place, so nothing is retained: a
/// retain would write to the very cache line being fetched, and so wait for it. A hint only
/// (a prefetch of any address is harmless), for replay's look-ahead.
@inline(__always)
func prefetchStorage<Element>(of array: inout [Element]) {
    withUnsafeMutablePointer(to: &array) { word in
        flowc_prefetch(UnsafeRawPointer(word).load(as: UnsafeRawPointer.self))
    }
}
