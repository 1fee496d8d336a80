#!/usr/bin/env bash
# Runs the whole test suite several times in a row while the machine is loaded, to show that no test depends on
# how fast the machine is (no wall-clock assertions; linear work is compared on n and 8n; timeouts only catch hangs).
#
#   tools/loaded-tests/run.sh [RUNS] [CPU_WORKERS]      default: 3 runs, stress-ng --cpu 4
#
# Needs stress-ng (apt-get install -y stress-ng). Builds once, then runs `dotnet test --no-build` RUNS times with
# `stress-ng --cpu CPU_WORKERS` in the background; prints one line per run and exits 1 if any run failed.
set -euo pipefail

runs=${1:-3}
workers=${2:-4}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

command -v stress-ng >/dev/null || { echo "stress-ng is not installed: apt-get install -y stress-ng" >&2; exit 2; }

dotnet build ReportExtract.sln -c Release -nologo -v quiet >/dev/null

stress-ng --cpu "$workers" --quiet &
stress=$!
trap 'kill "$stress" 2>/dev/null || true; wait "$stress" 2>/dev/null || true' EXIT

failed=0
for run in $(seq 1 "$runs"); do
    log=$(mktemp)
    start=$(date +%s)
    if dotnet test ReportExtract.sln -c Release --no-build -nologo >"$log" 2>&1; then status=green; else status=RED; failed=1; fi
    seconds=$(( $(date +%s) - start ))
    totals=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/ - [^ ]+\.dll.*//' | tr '\n' ';')
    echo "run $run/$runs: $status in ${seconds}s, load average $(cut -d' ' -f1-3 /proc/loadavg), nproc $(nproc): $totals"
    if [ "$status" = RED ]; then grep -E -A4 '^\s+Failed ' "$log" >&2 || true; fi
    rm -f "$log"
done

exit "$failed"
