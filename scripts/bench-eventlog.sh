#!/usr/bin/env bash
# Measures the event-log reader (JSON Lines → events) in release mode, without a package target:
# compiles FlowSyntax/Values and FlowRuntime/EventLog with a small driver straight with swiftc.
#
#   scripts/bench-eventlog.sh [LINES]      generate LINES (default 1000000) Segment-like lines
#   scripts/bench-eventlog.sh --file PATH  read an existing log
#
# Prints lines/s for: line splitting, JSON validation, event decoding, the full reader, --sort.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/main.swift" <<'SWIFT'
import FlowSyntax
import Foundation

let arguments = CommandLine.arguments
var path = ""
if arguments.count > 2, arguments[1] == "--file" {
    path = arguments[2]
} else {
    let count = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
    path = NSTemporaryDirectory() + "flowc-bench-\(getpid()).jsonl"
    var text = ""
    let names = ["Checkout Started", "Order Completed", "Product Viewed"]
    for index in 0..<count {
        let time = RFC3339.format(1_772_355_600_000 + Int64(index) * 300)
        let user = "u\((index &* 7919) % 100_000)"
        switch index % 10 {
        case 0, 1:
            text += #"{"type":"identify","userId":"\#(user)","timestamp":"\#(time)","messageId":"\#(UUID().uuidString)","traits":{"email":"\#(user)@example.com","first_name":"Ana","timezone":"Europe/Berlin"}}"#
        case 9:
            text += #"{"type":"page","anonymousId":"\#(user)","timestamp":"\#(time)","messageId":"\#(UUID().uuidString)","properties":{"path":"/x","title":"Home"},"context":{"ip":"1.2.3.4","userAgent":"Mozilla/5.0 (X11; Linux x86_64)","library":{"name":"analytics.js","version":"4.1.0"}}}"#
        default:
            text += #"{"type":"track","userId":"\#(user)","event":"\#(names[index % 3])","timestamp":"\#(time)","messageId":"\#(UUID().uuidString)","properties":{"checkout_id":"k\#(index)","value":\#(index % 10_000).\#(index % 97),"items":\#(index % 5 + 1)}}"#
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
    while let line = try lines.nextLine() { var scanner = JSONScanner(line, state: state); _ = try scanner.parseValue(depth: 0, build: false); n += 1 }
    return n
}
try measure("decode", lines: total) {
    let lines = source(); var n = 0; let decoder = EventDecoder()
    while let line = try lines.nextLine() { n += 1; _ = try decoder.decode(line, lineNumber: n) }
    return n
}
for sort in [false, true] {
    try measure(sort ? "--sort" : "reader", lines: total) {
        let reader = try EventLogReader(path: path, options: EventLogOptions(sort: sort))
        var n = 0
        while let event = try reader.next() { n += 1; _ = event }
        return n
    }
}
if arguments.count <= 2 || arguments[1] != "--file" { try? FileManager.default.removeItem(atPath: path) }
SWIFT

cd "$work"
swiftc -O -wmo -parse-as-library -module-name FlowSyntax -emit-module -emit-library -static \
    "$root"/Sources/FlowSyntax/Values/*.swift -o libFlowSyntax.a -emit-module-path FlowSyntax.swiftmodule
swiftc -O -wmo -module-name FlowRuntime -I . "$root"/Sources/FlowRuntime/EventLog/*.swift main.swift \
    libFlowSyntax.a -o bench-eventlog
./bench-eventlog "$@"
