#!/usr/bin/env bash
# Replay benchmark: generates logs of 1M and 10M events (seeded, scripts/gen_events.py) and
# prints events/s and peak memory of `flowc run --dry-run --json >/dev/null`, one row per profile:
#   demo     the demo project (flows/) on a demo-profile log: flow-heavy, nearly every visit
#            starts a checkout (~38% of events are `Checkout Started`);
#   cart     a one-flow abandoned-cart project on a checkout-heavy cart-profile log;
#   typical  the demo project on a demo-profile log with `--browse 8`: about 8 browsing events
#            (pages, product views, searches, cart additions) per visit, so ~10% of events
#            are checkouts (still more than in most shops' streams);
#   returning the demo project on a demo-profile log of 5,000 customers who keep coming back
#            (`--contacts 5000`; anonymous visitors still add contacts): its rows for two sizes
#            show how much memory grows with events rather than with contacts.
# Targets: >= 1,000,000 events/s; memory that grows with contacts, not with events.
# FLOWC=path (absolute, or relative to the repository root) uses that flowc binary and skips
# `swift build -c release`. BENCH_DIR=dir keeps the logs elsewhere (default /tmp/flowc-bench).
# BENCH_ROUNDS=n runs each row n times (default 3) and prints the best time, which events/s is
# computed from, and the median: a shared machine's speed drifts by a third within minutes.
#   scripts/bench-run.sh [SIZES...]      (default: 1000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(1000000 10000000)
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=${BENCH_DIR:-/tmp/flowc-bench}
mkdir -p "$work"
if [ -n "${FLOWC:-}" ]; then
  flowc=$FLOWC
else
  swift build -c release >/dev/null
  flowc=.build/release/flowc
fi
[ -x "$flowc" ] || { echo "bench-run.sh: no flowc binary at $flowc" >&2; exit 2; }

# A one-flow project: the demo's abandoned-cart flow with its settings and templates.
cart="$work/cart-project"
rm -rf "$cart" && mkdir -p "$cart/templates"
cp flows/flowc.yaml "$cart/"
cp flows/abandoned-cart.flow.yaml "$cart/"
cp flows/templates/cart-*.email.yaml "$cart/templates/"

# Baseline memory of the process itself (binary, libraries, compiled project), subtracted
# from the peak to estimate state per contact.
: > "$work/empty.jsonl"
/usr/bin/time -f "%M" -o "$work/base.txt" "$flowc" run flows --events "$work/empty.jsonl" --dry-run >/dev/null 2>&1
base_kb=$(cat "$work/base.txt")

for size in "${sizes[@]}"; do
  for profile in demo cart typical returning; do
    log="$work/events-$profile-$size.jsonl"
    if [ ! -s "$log" ]; then
      echo "generating $size events ($profile profile)..." >&2
      case $profile in
        typical) options=(--flows-profile demo --browse 8) ;;
        returning) options=(--flows-profile demo --contacts 5000) ;;
        *) options=(--flows-profile "$profile") ;;
      esac
      python3 scripts/gen_events.py --seed 7 --events "$size" "${options[@]}" -o "$log"
    fi
    project=flows; [ "$profile" = cart ] && project="$cart"
    : > "$work/times.txt"
    for _ in $(seq "${BENCH_ROUNDS:-3}"); do
      /usr/bin/time -f "%e %M" -a -o "$work/times.txt" "$flowc" run "$project" --events "$log" --dry-run --json >/dev/null 2>"$work/summary.txt"
    done
    contacts=$(grep -o '[0-9]* contacts' "$work/summary.txt" | cut -d' ' -f1 || echo "?")
    python3 - "$size" "$work/times.txt" "$profile" "$contacts" "$base_kb" <<'PY'
import statistics, sys
size, profile, contacts, base = int(sys.argv[1]), sys.argv[3], sys.argv[4], int(sys.argv[5])
runs = [line.split() for line in open(sys.argv[2]) if not line.startswith("Command") and line.strip()]
times, kbs = [float(run[0]) for run in runs], [int(run[1]) for run in runs]
seconds, median, kb = min(times), statistics.median(times), max(kbs)
rate = size / seconds if seconds else float("inf")
per_contact = f", {(kb - base) * 1024 / int(contacts):,.0f} B/contact above the {base / 1024:.0f} MiB baseline" if contacts.isdigit() else ""
print(f"{profile:9} {size:>11,} events: {seconds:7.2f} s (median of {len(times)}: {median:.2f} s)  {rate:>12,.0f} events/s"
      f"  peak {kb / 1024:8.1f} MiB  ({contacts} contacts{per_contact})")
PY
  done
done
