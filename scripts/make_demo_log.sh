#!/usr/bin/env bash
# Writes the demo event log, flows/demo/events.jsonl (or the file given as the argument), with
# mail feedback for the messages flowc really sends:
#   1. scripts/gen_events.py --no-engagement writes the base log (no made-up opens or clicks);
#   2. flowc replays the log (--dry-run --json) and scripts/add_feedback.py adds feedback for
#      its sends to the base log;
#   3. opens and clicks change flow paths, so step 2 repeats on its own output until the log
#      no longer changes (at most 6 replays).
# The same flowc gives the same bytes. FLOWC=path picks the binary (default .build/debug/flowc).
#   scripts/make_demo_log.sh [OUTPUT]
set -euo pipefail
cd "$(dirname "$0")/.."
flowc=${FLOWC:-.build/debug/flowc}
output=${1:-flows/demo/events.jsonl}
seed=42
max_replays=6
[ -x "$flowc" ] || { echo "make_demo_log.sh: no flowc binary at $flowc; run \`swift build\` or set FLOWC" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/gen_events.py --seed "$seed" --contacts 400 --days 90 --no-engagement -o "$work/base.jsonl"
cp "$work/base.jsonl" "$work/log.jsonl"
for replay in $(seq 1 "$max_replays"); do
    "$flowc" run flows --events "$work/log.jsonl" --dry-run --json 2>/dev/null >"$work/records.jsonl"
    python3 scripts/add_feedback.py --seed "$seed" "$work/base.jsonl" "$work/records.jsonl" -o "$work/next.jsonl" 2>"$work/feedback.txt"
    if cmp -s "$work/next.jsonl" "$work/log.jsonl"; then
        cp "$work/log.jsonl" "$output"
        echo "make_demo_log.sh: stable after $replay replays; $(sed 's/^add_feedback.py: //' "$work/feedback.txt"); wrote $output" >&2
        exit 0
    fi
    mv "$work/next.jsonl" "$work/log.jsonl"
done
echo "make_demo_log.sh: the log still changed after $max_replays replays; nothing written" >&2
exit 1
