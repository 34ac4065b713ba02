#!/usr/bin/env bash
# Measures the event-log reader (JSON Lines → events) in release mode, without a package target:
# compiles FlowSyntax/Values and FlowRuntime/EventLog with a small driver straight with swiftc.
#
#   scripts/bench-eventlog.sh [--browse] [LINES]  generate LINES (default 1000000) Segment-like lines
#                                                 (--browse: mostly `Product Viewed` and `page`)
#   scripts/bench-eventlog.sh --file PATH          read an existing log
#   --keep PATH (with a generated log)             write the generated log to PATH and keep it
#   --wanted "A,B" (either form)                   also time the reader keeping only these events'
#                                                  properties (`EventLogOptions.propertiesWanted`)
#
# Prints lines/s for: line splitting, JSON validation, event decoding, the full reader, the
# reader with --wanted, --sort.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/main.swift" <<'SWIFT'
import FlowSyntax
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
/// Removes `--flag VALUE` from the arguments and returns VALUE.
func option(_ flag: String) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
}
let wanted = option("--wanted").map { Set($0.split(separator: ",").map(String.init)) }
let keep = option("--keep")
var path = option("--file") ?? ""
let generated = path.isEmpty
if generated {
    let browse = arguments.contains("--browse")
    let count = arguments.compactMap { Int($0) }.first ?? 1_000_000
    path = keep ?? NSTemporaryDirectory() + "flowc-bench-\(getpid()).jsonl"
    var text = ""
    let names = ["Checkout Started", "Order Completed", "Product Viewed"]
    let products = ["Linen Shirt", "Wool Scarf", "Canvas Sneakers", "Denim Jacket", "Leather Belt"]
    let categories = ["Shirts", "Accessories", "Shoes", "Jackets"]
    for index in 0..<count {
        let time = RFC3339.format(1_772_355_600_000 + Int64(index) * 300)
        let user = "u\((index &* 7919) % 100_000)"
        let padded = "u" + String(1_000_000 + (index &* 7919) % 100_000).dropFirst() // u001234
        let id = UUID().uuidString.lowercased()
        switch (browse, index % 10) {
        case (false, 0), (false, 1), (true, 0):
            text += #"{"type":"identify","userId":"\#(user)","timestamp":"\#(time)","messageId":"\#(id)","traits":{"email":"\#(user)@example.com","first_name":"Ana","timezone":"Europe/Berlin"}}"#
        case (false, 9):
            text += #"{"type":"page","anonymousId":"\#(user)","timestamp":"\#(time)","messageId":"\#(id)","properties":{"path":"/x","title":"Home"},"context":{"ip":"1.2.3.4","userAgent":"Mozilla/5.0 (X11; Linux x86_64)","library":{"name":"analytics.js","version":"4.1.0"}}}"#
        case (false, _):
            text += #"{"type":"track","userId":"\#(user)","event":"\#(names[index % 3])","timestamp":"\#(time)","messageId":"\#(id)","properties":{"checkout_id":"k\#(index)","value":\#(index % 10_000).\#(index % 97),"items":\#(index % 5 + 1)}}"#
        case (true, 1), (true, 2), (true, 3):
            text += #"{"type":"page","userId":"\#(padded)","name":"Product","timestamp":"\#(time)","messageId":"\#(id)","properties":{"path":"/products/p-\#(index % 500)","title":"\#(products[index % 5])"}}"#
        case (true, 4):
            text += #"{"type":"track","event":"Checkout Started","userId":"\#(padded)","timestamp":"\#(time)","messageId":"\#(id)","properties":{"checkout_id":"co_\#(index)","value":\#(index % 300).90,"currency":"EUR","item_count":\#(index % 4 + 1)}}"#
        default:
            let product = index % 500
            text += #"{"type":"track","event":"Product Viewed","userId":"\#(padded)","timestamp":"\#(time)","messageId":"\#(id)","properties":{"product_id":"p-\#(product)","sku":"SKU-\#(product)","name":"\#(products[product % 5])","price":\#(product % 90 + 9).9,"category":"\#(categories[product % 4])"}}"#
        }
        text += "\n"
    }
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

/// Runs `body` (which returns how many items it produced) and prints lines per CPU second.
func measure(_ label: String, lines: Int, _ body: () throws -> Int) rethrows {
    let cpuStart = clock()
    let wallStart = Date()
    let produced = try body()
    let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
    let wall = Date().timeIntervalSince(wallStart)
    let name = label.padding(toLength: 9, withPad: " ", startingAt: 0)
    print(name + String(format: "%10d lines/s (cpu %.3fs, wall %.3fs, %d out)", Int(Double(lines) / cpu), cpu, wall, produced))
}

func source() -> LineSource { LineSource(descriptor: open(path, O_RDONLY), closesDescriptor: true) }

var total = 0
do { let lines = source(); while try lines.nextLine() != nil { total += 1 } }
try measure("split", lines: total) { let lines = source(); var n = 0; while try lines.nextLine() != nil { n += 1 }; return n }
try measure("validate", lines: total) {
    let lines = source(); var n = 0
    let state = JSONBuildState()
    while let line = try lines.nextLine() { var scanner = JSONScanner(line, state: state); _ = try scanner.parseValue(depth: 0, .skip); n += 1 }
    return n
}
try measure("decode", lines: total) {
    let lines = source(); var n = 0; let decoder = EventDecoder()
    while let line = try lines.nextLine() { n += 1; _ = try decoder.decode(line, lineNumber: n) }
    return n
}
let readers: [(String, EventLogOptions)] = [("reader", EventLogOptions())]
    + (wanted.map { [("reader-w", EventLogOptions(propertiesWanted: $0))] } ?? [])
    + [("--sort", EventLogOptions(sort: true))]
for (label, options) in readers {
    try measure(label, lines: total) {
        let reader = try EventLogReader(path: path, options: options)
        var n = 0
        while let event = try reader.next() { n += 1; _ = event }
        return n
    }
}
if generated, keep == nil { try? FileManager.default.removeItem(atPath: path) }
SWIFT

cd "$work"
swiftc -O -wmo -parse-as-library -module-name FlowSyntax -emit-module -emit-library -static \
    "$root"/Sources/FlowSyntax/Values/*.swift -o libFlowSyntax.a -emit-module-path FlowSyntax.swiftmodule
swiftc -O -wmo -module-name FlowRuntime -I . "$root"/Sources/FlowRuntime/EventLog/*.swift main.swift \
    libFlowSyntax.a -o bench-eventlog
./bench-eventlog "$@"
