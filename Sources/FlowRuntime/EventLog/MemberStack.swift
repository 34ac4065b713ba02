import FlowSyntax

/// The members of the objects being built, on one stack: a nested object's members lie above
/// its parent's. Taking an object's members off moves them into an array of their exact size,
/// so each built object costs one allocation.
final class MemberStack {
    typealias Member = Value.Object.Member

    private var base: UnsafeMutablePointer<Member>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Adds a member of the object whose members start at `start` (a repeated key takes the new
    /// value at its first position); returns how many members that object has.
    @inline(__always)
    func add(key: consuming String, value: consuming Value, above start: Int) -> Int {
        if let index = index(of: key, above: start) {
            base[index].value = value
            return count - start
        }
        if count == capacity { grow() }
        (base + count).initialize(to: Member(key: key, value: value))
        count += 1
        return count - start
    }

    /// Where a member whose key has the bytes of `key` is, from `start` on. A short ASCII
    /// key is a small string, equal to another small ASCII string exactly when their two words
    /// are, which settles most comparisons without a call.
    @inline(__always)
    private func index(of key: String, above start: Int) -> Int? {
        guard StringWords.available, case let words = StringWords(key), words.isSmallASCII
        else { return (start..<count).first { Self.sameKey(base[$0].key, key) } }
        for index in start..<count {
            let other = StringWords(base[index].key)
            if other == words || (!other.isSmallASCII && Self.sameKey(base[index].key, key)) { return index }
        }
        return nil
    }

    /// Keys are the same when their UTF-8 bytes are, as `Value.Object` looks them up: "K" and the
    /// Kelvin sign, or composed and decomposed "é", stay two members, as they always have.
    @inline(__always)
    private static func sameKey(_ a: String, _ b: String) -> Bool {
        StringBytes.equal(a, b)
    }

    /// Moves the members from `start` on off the stack, into an array.
    func take(above start: Int) -> [Member] {
        var members: [Member] = []
        members.reserveCapacity(count - start) // specialised, unlike `init(unsafeUninitializedCapacity:)`
        for index in start..<count { members.append((base + index).move()) }
        count = start
        return members
    }

    /// Packs the members from `start` on, and drops them from the stack.
    func pack(above start: Int) -> PackedObject {
        let packed = PackedObject(distinctMembers: UnsafeBufferPointer(start: base + start, count: count - start))
        (base + start).deinitialize(count: count - start)
        count = start
        return packed
    }

    /// Drops every member (what a failed parse left behind).
    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Member>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
