#!/usr/bin/env bash
# The main job on the demo project: check the flows, then replay the demo event log into the
# embedded outbox (./outbox, a Maildir; no mail server needed) and print the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
.build/release/flowc check flows
.build/release/flowc run flows --events flows/demo/events.jsonl --outbox outbox --state .flowc
echo "messages: $(ls outbox/new | wc -l) files in outbox/new"
