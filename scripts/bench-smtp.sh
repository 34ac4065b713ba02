#!/usr/bin/env bash
# SMTP delivery benchmark: delivers the demo project's messages (flows/demo/events.jsonl) to a
# local aiosmtpd server (Tests/flowcTests/smtp_server.py, plain text on a loopback port) and
# prints messages/s with 1 and with 4 connections. The Python server is usually the limit.
#   scripts/bench-smtp.sh [LOG]      (default: flows/demo/events.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:-flows/demo/events.jsonl}
python3 -c "import aiosmtpd" 2>/dev/null || { echo "needs aiosmtpd: run scripts/install-deps.sh" >&2; exit 2; }
work=$(mktemp -d /tmp/flowc-bench-smtp.XXXXXX)
swift build -c release --product flowc >/dev/null 2>&1 || swift build -c release --product flowc
flowc=.build/release/flowc

# The server runs until its standard input (fd 3 here) closes.
exec 3> >(exec python3 Tests/flowcTests/smtp_server.py serve "$work/mail" > "$work/port.txt")
trap 'exec 3>&-; sleep 0.2; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q PORT "$work/port.txt" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/PORT/ {print $2}' "$work/port.txt")
[ -n "$port" ] || { echo "the SMTP server did not start" >&2; exit 2; }

for connections in 1 4; do
  state="$work/state-$connections"
  start=$(date +%s.%N)
  "$flowc" run flows --events "$log" --smtp "smtp://127.0.0.1:$port" --smtp-insecure \
    --smtp-connections "$connections" --state "$state" 2>"$work/summary.txt"
  end=$(date +%s.%N)
  delivered=$(grep -o '([0-9]* delivered' "$work/summary.txt" | tr -dc '0-9')
  awk -v n="$delivered" -v s="$start" -v e="$end" -v c="$connections" \
    'BEGIN { printf "%d connection(s): %d messages in %.2f s = %.0f messages/s\n", c, n, e - s, n / (e - s) }'
done
