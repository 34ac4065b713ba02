import Foundation
@testable import FlowRuntime
import FlowSyntax
import TestSupport


extension JSONScanner {
    /// Parses bytes held in an array.
    static func parse(bytes: [UInt8]) throws(JSONError) -> Value {
        let result = bytes.withUnsafeBufferPointer { buffer in Result { () throws(JSONError) in try parse(buffer) } }
        return try result.get()
    }
}

/// Whether a value from `JSONScanner` equals what Foundation's `JSONSerialization` made of the
/// same text (numbers compared as Double).
func sameJSON(_ value: Value, _ foundation: Any) -> Bool {
    switch value {
    case .null:
        return foundation is NSNull
    case .bool(let bool):
        guard let number = foundation as? NSNumber, isBoolean(number) else { return false }
        return number.boolValue == bool
    case .number(let number):
        guard let other = foundation as? NSNumber, !isBoolean(other) else { return false }
        let a = number.double, b = other.doubleValue
        return a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    case .string(let string):
        return (foundation as? String) == string
    case .list(let elements):
        guard let others = foundation as? [Any], others.count == elements.count else { return false }
        return zip(elements, others).allSatisfy { sameJSON($0, $1) }
    case .object(let object):
        guard let others = foundation as? [String: Any], others.count == object.count else { return false }
        return object.pairs.allSatisfy { key, member in others[key].map { sameJSON(member, $0) } ?? false }
    case .timestamp, .duration:
        return false
    }
}

private func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

/// Random JSON texts: every RFC 8259 construct, random whitespace, escapes, non-ASCII text.
struct JSONCorpus {
    var random: SeededGenerator

    mutating func document(depth: Int = 0) -> String {
        space() + value(depth: depth) + space()
    }

    mutating func value(depth: Int) -> String {
        let choice = depth >= 5 ? Int.random(in: 0..<5, using: &random) : Int.random(in: 0..<7, using: &random)
        switch choice {
        case 0: return ["null", "true", "false"].randomElement(using: &random)!
        case 1, 2: return number()
        case 3, 4: return string()
        case 5:
            let count = Int.random(in: 0..<5, using: &random)
            let elements = (0..<count).map { _ in space() + value(depth: depth + 1) + space() }
            return "[" + (elements.isEmpty ? space() : elements.joined(separator: ",")) + "]"
        default:
            let count = Int.random(in: 0..<5, using: &random)
            var keys = Set<String>()
            var members: [String] = []
            for _ in 0..<count {
                let key = string()
                guard keys.insert(key).inserted else { continue }
                members.append(space() + key + space() + ":" + space() + value(depth: depth + 1) + space())
            }
            return "{" + (members.isEmpty ? space() : members.joined(separator: ",")) + "}"
        }
    }

    /// A number by the RFC grammar, at most 15 significant digits, exponent within Double range.
    mutating func number() -> String {
        var text = Bool.random(using: &random) ? "-" : ""
        let integerDigits = Int.random(in: 1...8, using: &random)
        text += integerDigits == 1 ? digits(1) : String(Int.random(in: 1...9, using: &random)) + digits(integerDigits - 1)
        if Bool.random(using: &random) { text += "." + digits(Int.random(in: 1...6, using: &random)) }
        if Int.random(in: 0..<4, using: &random) == 0 {
            text += ["e", "E"].randomElement(using: &random)! + ["", "+", "-"].randomElement(using: &random)!
            text += String(Int.random(in: 0...280, using: &random))
        }
        return text
    }

    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
    }

    /// A quoted string mixing plain ASCII, every escape, raw UTF-8 and `\u` escapes (with pairs).
    mutating func string() -> String {
        var text = "\""
        for _ in 0..<Int.random(in: 0..<8, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: text += ["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"].randomElement(using: &random)!
            case 1: text += String(format: "\\u%04x", Int.random(in: 0...0xD7FF, using: &random))
            case 2: // a surrogate pair
                let scalar = Int.random(in: 0x10000...0x10FFFF, using: &random) - 0x10000
                text += String(format: "\\u%04X\\u%04x", 0xD800 + (scalar >> 10), 0xDC00 + (scalar & 0x3FF))
            case 3: text += ["é", "ß", "€", "日本", "😀", "\u{10FFFF}", "\u{FFFD}"].randomElement(using: &random)!
            default: text += String(Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random))))
                .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            }
        }
        return text + "\""
    }

    mutating func space() -> String {
        Int.random(in: 0..<3, using: &random) == 0 ? [" ", "\t", "\n", "\r\n", "  "].randomElement(using: &random)! : ""
    }
}

/// Random byte edits: flip a byte, insert one, delete one.
func mutate(_ bytes: [UInt8], edits: Int, using random: inout SeededGenerator) -> [UInt8] {
    var bytes = bytes
    let interesting: [UInt8] = Array("{}[]\",:\\-+.eE0123456789tfnu \t\n".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
    for _ in 0..<edits {
        let byte = Bool.random(using: &random) ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &random)] = byte
        case 1 where !bytes.isEmpty: bytes.remove(at: Int.random(in: 0..<bytes.count, using: &random))
        default: bytes.insert(byte, at: Int.random(in: 0...bytes.count, using: &random))
        }
    }
    return bytes
}
