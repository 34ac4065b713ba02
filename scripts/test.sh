#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what is missing, builds, runs the Swift
# tests (unit, golden, end-to-end on the built binary) and the Python schema tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
.build/debug/flowc test flows
python3 -m pytest Tests/schema -q
