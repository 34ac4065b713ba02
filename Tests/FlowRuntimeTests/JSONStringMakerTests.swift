import Testing
@testable import FlowRuntime

@Suite struct JSONStringMakerTests {
    /// Every length on both sides of the small-string and cache limits, ASCII and not, at the
    /// start, middle and very end of the input (where fewer than 32 bytes follow).
    @Test func makesTheSameStringsAsTheStandardLibrary() {
        let maker = StringMaker()
        let pieces = ["abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ", "é日本😀xyzé日本😀xyzé日本😀xyzé日本😀xyz"]
        for piece in pieces {
            let bytes = Array(piece.utf8)
            bytes.withUnsafeBufferPointer { input in
                for count in 0...40 {
                    for start in [0, 3, input.count - count] where start >= 0 && start + count <= input.count {
                        let slice = UnsafeBufferPointer(rebasing: input[start..<start + count])
                        guard let expected = String(validating: slice, as: UTF8.self) else { continue }
                        for _ in 0..<2 { // the second time may come from the cache
                            let made = maker.string(in: input, start: start, count: count)
                            #expect(made == expected)
                            #expect(made.utf8.count == count)
                            #expect(Array(made.utf8) == Array(slice))
                        }
                    }
                }
            }
        }
    }

    @Test func cachedStringsAreReplacedByTheirBytes() {
        let maker = StringMaker()
        var seen: Set<String> = []
        for index in 0..<5000 {
            var text = "a-longer-key-than-fifteen-\(index % 700)"
            let made = text.withUTF8 { maker.string(in: $0, start: 0, count: $0.count) }
            #expect(made == text)
            seen.insert(made)
        }
        #expect(seen.count == 700)
    }
}
