#!/usr/bin/env bash
# Measures `flowc check` on a generated project of realistic flows (target: 1,000 flows in < 1 s).
#
#   scripts/bench-check.sh [FLOWS] [RUNS]     defaults: 1000 flows, 5 runs
#
# Builds flowc in release mode, writes the project with scripts/gen_check_project.py into a
# temporary directory, checks it once to show the outcome, then times RUNS runs (hyperfine when
# installed, else /usr/bin/time) and prints wall time and peak memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
flows="${1:-1000}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
swift build -c release --product flowc > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
flowc="$(swift build -c release --show-bin-path)/flowc"

python3 "$root/scripts/gen_check_project.py" --flows "$flows" -o "$work/project"
echo "project: $flows flows, $(find "$work/project/templates" -name '*.email.yaml' | wc -l) templates," \
     "$(du -sh "$work/project" | cut -f1) on disk"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The generated project is meant to be clean: show what check says about it.
status=0
"$flowc" check "$work/project" > "$work/first.txt" 2>&1 || status=$?
echo "first run: exit $status, $(grep -c '\[FC' "$work/first.txt" || true) diagnostics"
head -5 "$work/first.txt"

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs "$runs" --ignore-failure "$flowc check $work/project"
fi
for run in $(seq "$runs"); do
  /usr/bin/time -f "run $run: %e s wall, %U s user, %S s sys, %M KB peak memory" \
    "$flowc" check "$work/project" > /dev/null 2> "$work/time.txt" || true
  tail -1 "$work/time.txt"
done
