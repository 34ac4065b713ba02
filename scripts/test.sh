#!/usr/bin/env bash
# The whole test suite: Swift unit, golden and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build
swift test
