#!/usr/bin/env bash
# Report benchmark: times `flowc report --format json` against `flowc run --dry-run` on the
# same seeded log (scripts/gen_events.py) and prints the ratio. Target: report <= 1.5x run.
#   scripts/bench-report.sh [SIZE]      (default: 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1000000}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=${BENCH_DIR:-/tmp/flowc-bench}
mkdir -p "$work"
swift build -c release >/dev/null
flowc=.build/release/flowc

# The same log bench-run.sh uses for the demo project, reused when present.
log="$work/events-demo-$size.jsonl"
if [ ! -s "$log" ]; then
  echo "generating $size events..." >&2
  python3 scripts/gen_events.py --seed 7 --events "$size" --flows-profile demo -o "$log"
fi

# Prints "wall cpu" seconds of one command (cpu = user + sys).
measure() {
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" >/dev/null 2>&1
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/time.txt"
}

read -r run_wall run_cpu < <(measure "$flowc" run flows --events "$log" --dry-run)
read -r report_wall report_cpu < <(measure "$flowc" report flows --events "$log" --format json -o /dev/null)
python3 - "$size" "$run_wall" "$run_cpu" "$report_wall" "$report_cpu" "$(cat /proc/loadavg 2>/dev/null | cut -d' ' -f1-3)" <<'PY'
import sys
size = int(sys.argv[1])
run_wall, run_cpu, report_wall, report_cpu = map(float, sys.argv[2:6])
print(f"{size:,} events (load average {sys.argv[6]})")
print(f"  run --dry-run     wall {run_wall:6.2f} s  cpu {run_cpu:6.2f} s")
print(f"  report --format json  wall {report_wall:6.2f} s  cpu {report_cpu:6.2f} s")
ratio = report_cpu / run_cpu if run_cpu else float("inf")
wall_ratio = report_wall / run_wall if run_wall else float("inf")
verdict = "meets" if ratio <= 1.5 else "misses"
print(f"  ratio report/run: cpu {ratio:.2f}x, wall {wall_ratio:.2f}x ({verdict} the 1.5x target, on cpu time)")
PY
