import TestSupport

/// Mutations of a file's raw bytes: anything goes, including invalid UTF-8 and broken YAML.
enum ByteMutator {
    /// Fragments that mean something to YAML, Mustache or the flow format, and bytes that are not text.
    static let fragments: [[UInt8]] = [
        "&", "*", "<<", "&a ", "*a", "<<: *a", "{{", "}}", "{{#", "{{/", "\"", "'", "\t", "\0", ": ", "- ", "#", "|", ">",
        "? ", "[", "]", "{", "}", ",", "!!str ", "!tag ", "%YAML 1.1\n", "---\n", "...\n", "\n", "\r\n", "\r", " ",
        "\u{FEFF}", "é", "日本", "\u{200B}", "\u{85}", "\u{2028}", "goto: ", "id: ", "wait: ", "- end\n",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0x80], [0xFE, 0xFF]]

    static func mutate(_ bytes: inout [UInt8], using random: inout SeededGenerator) {
        let position = random.index(below: bytes.count + 1)
        switch random.index(below: 9) {
        case 0 where !bytes.isEmpty:
            let index = min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1) << UInt8(random.index(below: 8))
        case 1:
            bytes.insert(contentsOf: random.pick(fragments), at: position)
        case 2:
            let count = random.index(below: 8) + 1
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }, at: position)
        case 3:
            let end = min(bytes.count, position + random.index(below: 40))
            bytes.removeSubrange(position..<end)
        case 4:
            let end = min(bytes.count, position + random.index(below: 80))
            bytes.insert(contentsOf: bytes[position..<end], at: random.index(below: bytes.count + 1))
        case 5:
            let line = "x: " + String(repeating: random.pick(["a", "{{a}}", "é", " ", "(1 + "]), count: 1_000 + random.index(below: 8_000))
            bytes.insert(contentsOf: Array(line.utf8), at: position)
        case 6:
            bytes.insert(contentsOf: deepNesting(using: &random), at: position)
        case 7:
            bytes.insert(contentsOf: random.pick(fragments), at: lineStart(in: bytes, before: position))
        default:
            bytes.insert(contentsOf: random.pick(fragments), at: random.index(below: bytes.count + 1))
        }
    }

    /// Nesting far past what the parser accepts, in flow or block style.
    private static func deepNesting(using random: inout SeededGenerator) -> [UInt8] {
        let depth = 100 + random.index(below: 2_000)
        let text: String = switch random.index(below: 3) {
        case 0: String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        case 1: String(repeating: "{a: ", count: depth) + String(repeating: "}", count: depth)
        default: "\n" + (0..<min(depth, 400)).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
        }
        return Array(text.utf8)
    }

    private static func lineStart(in bytes: [UInt8], before position: Int) -> Int {
        var index = min(position, bytes.count)
        while index > 0 && bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index
    }
}
