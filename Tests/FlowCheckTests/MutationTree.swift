import FlowSyntax

/// A YAML document as plain data that structure mutations edit and `text` writes back as YAML.
indirect enum MutationTree {
    /// A scalar; `quoted` keeps quoted and block scalars quoted when written back.
    case scalar(String, quoted: Bool)
    case mapping([(key: String, value: MutationTree)])
    case list([MutationTree])

    init(_ node: YAMLNode) {
        switch node {
        case .scalar(let scalar): self = .scalar(scalar.value, quoted: scalar.style != .plain)
        case .mapping(let mapping): self = .mapping(mapping.entries.map { ($0.key.value, MutationTree($0.value)) })
        case .sequence(let sequence): self = .list(sequence.items.map(MutationTree.init))
        }
    }

    /// A plain scalar.
    static func plain(_ value: String) -> MutationTree { .scalar(value, quoted: false) }

    /// The document in block style.
    var text: String {
        var out = ""
        switch self {
        case .scalar: out = inlineText + "\n"
        case .mapping(let entries) where entries.isEmpty: out = "{}\n"
        case .list(let items) where items.isEmpty: out = "[]\n"
        default: write(indent: 0, into: &out)
        }
        return out
    }

    /// The node on one line after `key:` or `-`, when it fits there.
    private var inlineText: String {
        switch self {
        case .scalar(let value, let quoted): Self.scalarText(value, quoted: quoted)
        case .mapping(let entries): entries.isEmpty ? "{}" : ""
        case .list(let items): items.isEmpty ? "[]" : ""
        }
    }

    private var isInline: Bool { !inlineText.isEmpty }

    private func write(indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .scalar:
            out += pad + inlineText + "\n"
        case .mapping(let entries):
            for (key, value) in entries {
                out += pad + Self.scalarText(key, quoted: false) + ":"
                writeChild(value, indent: indent, into: &out)
            }
        case .list(let items):
            for item in items {
                out += pad + "-"
                writeChild(item, indent: indent, into: &out)
            }
        }
    }

    private func writeChild(_ child: MutationTree, indent: Int, into out: inout String) {
        if child.isInline {
            out += " " + child.inlineText + "\n"
        } else {
            out += "\n"
            child.write(indent: indent + 2, into: &out)
        }
    }

    /// A scalar written plain when that reads back as the same string, else double-quoted.
    static func scalarText(_ value: String, quoted: Bool) -> String {
        if !quoted && isSafePlain(value) { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if isPrintable(scalar) { out.unicodeScalars.append(scalar) } else { out += "\\U" + hex8(scalar.value) }
            }
        }
        return out + "\""
    }

    private static func isSafePlain(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@` ".unicodeScalars.contains(first) || last == " " || last == ":" { return false }
        if value.contains(": ") || value.contains(" #") { return false }
        return value.unicodeScalars.allSatisfy { isPrintable($0) && $0 != "\t" && $0 != "\u{85}" }
    }

    /// Characters libyaml accepts in a stream without escaping.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: scalar.value != 0xFEFF
        default: false
        }
    }

    private static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
