#!/usr/bin/env bash
# Report benchmark: times `flowc report --format json` against `flowc run --dry-run` on the
# same seeded log (scripts/gen_events.py) and prints the ratio. Target: report <= 1.5x run.
# Each command runs RUNS times (default 3), alternating; the fastest run of each counts, since
# a shared machine only ever adds time.
#   [RUNS=3] scripts/bench-report.sh [SIZE]      (default: 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1000000}
runs=${RUNS:-3}
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

run_wall=inf run_cpu=inf report_wall=inf report_cpu=inf
smaller() { python3 -c "import sys; print(min(float(sys.argv[1]), float(sys.argv[2])))" "$1" "$2"; }
for _ in $(seq "$runs"); do
  read -r wall cpu < <(measure "$flowc" run flows --events "$log" --dry-run)
  run_wall=$(smaller "$run_wall" "$wall"); run_cpu=$(smaller "$run_cpu" "$cpu")
  read -r wall cpu < <(measure "$flowc" report flows --events "$log" --format json -o /dev/null)
  report_wall=$(smaller "$report_wall" "$wall"); report_cpu=$(smaller "$report_cpu" "$cpu")
done
python3 - "$size" "$run_wall" "$run_cpu" "$report_wall" "$report_cpu" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" "$runs" <<'PY'
import sys
size = int(sys.argv[1])
run_wall, run_cpu, report_wall, report_cpu = map(float, sys.argv[2:6])
print(f"{size:,} events, fastest of {sys.argv[7]} runs (load average {sys.argv[6]})")
print(f"  run --dry-run           wall {run_wall:6.2f} s  cpu {run_cpu:6.2f} s")
print(f"  report --format json    wall {report_wall:6.2f} s  cpu {report_cpu:6.2f} s")
ratio = report_cpu / run_cpu if run_cpu else float("inf")
wall_ratio = report_wall / run_wall if run_wall else float("inf")
verdict = "meets" if ratio <= 1.5 else "misses"
print(f"  ratio report/run: cpu {ratio:.2f}x, wall {wall_ratio:.2f}x ({verdict} the 1.5x target, on cpu time)")
PY
