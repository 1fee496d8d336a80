#!/usr/bin/env bash
# Whole-process benchmark of `reportx extract`: makes a seeded batch of report files (the samples repeated and
# varied), then times the published CLI on it with /usr/bin/time (wall time, peak RSS) for JSONL and CSV output,
# the same on a batch four times larger (peak memory must not grow with the file count), one 50 MB report,
# and a cold run on one file. Prints the machine and a Markdown table for the README.
# Usage: tools/bench/extract-batch.sh [FILES=2000]   (at least 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-2000}
if (( files < 2000 )); then
  echo "extract-batch.sh: the benchmark needs at least 2000 files (got $files)" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
# Published as users should publish it: for this platform, hence ReadyToRun (see src/ReportExtract.Cli's csproj).
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | sed -n 1p)
dotnet publish src/ReportExtract.Cli -c Release -r "$rid" --self-contained false -o "$work/bin" --nologo -v quiet >/dev/null
dotnet run tools/bench/make-batch.cs -- "$work/batch" "$files" >/dev/null
dotnet run tools/bench/make-batch.cs -- "$work/large" $((files * 4)) >/dev/null
reportx="$work/bin/reportx"

# One 50 MB report: a sample repeated (a scraper's concatenated dump).
sample=samples/wenling-government-2021.txt
while [ "$(stat -c %s "$work/huge.txt" 2>/dev/null || echo 0)" -lt $((50 * 1000 * 1000)) ]; do cat "$sample" >>"$work/huge.txt"; done

size() { find "$@" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }

measure() { # label, files, bytes, expected records (or -), then the command; prints one table row
  local label=$1 count=$2 bytes=$3 expect=$4; shift 4
  /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall rss user sys <"$work/time"
  if [ "$expect" != - ]; then
    local got; got=$(grep -c '^{' "$work/out" || true)
    [ "$got" = "$expect" ] || { echo "$label: $got records, expected $expect" >&2; exit 1; }
  fi
  # CPU seconds (user + sys) say what the run costs whatever else the machine is doing; MB per CPU second times
  # the cores is the throughput an idle machine would give when the run keeps every core busy.
  awk -v l="$label" -v n="$count" -v w="$wall" -v r="$rss" -v b="$bytes" -v c="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
    'BEGIN { printf "| %s | %d | %.1f MB | %.2f s | %.1f MB/s | %.*f files/s | %.2f s | %.1f MB/s | %.0f MB |\n", l, n, b / 1e6, w, (w > 0 ? b / 1e6 / w : 0), (w > 0 && n / w < 10 ? 2 : 0), (w > 0 ? n / w : 0), c, (c > 0 ? b / 1e6 / c : 0), r / 1024 }'
}

batch_bytes=$(size "$work/batch")
large_bytes=$(size "$work/large")
huge_bytes=$(stat -c %s "$work/huge.txt")
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GB RAM; $(date -u '+%F %H:%M UTC'); load average before the runs: $load"
echo
echo "| run | files | input | wall | throughput | files/s | CPU time | MB per CPU s | peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|"
measure "extract --format jsonl" "$files" "$batch_bytes" "$files" "$reportx" extract "$work/batch" --format jsonl --quiet
measure "extract --format csv" "$files" "$batch_bytes" - "$reportx" extract "$work/batch" --format csv --quiet
measure "extract --format jsonl, 4x files" $((files * 4)) "$large_bytes" $((files * 4)) "$reportx" extract "$work/large" --format jsonl --quiet
measure "extract --format csv, 4x files" $((files * 4)) "$large_bytes" - "$reportx" extract "$work/large" --format csv --quiet
measure "one 50 MB report, jsonl" 1 "$huge_bytes" 1 "$reportx" extract "$work/huge.txt" --format jsonl --quiet
one=$(find "$work/batch" -name "*.txt" | sort | sed -n 1p)
best=999
for _ in 1 2 3 4 5; do
  /usr/bin/time -f '%e %M' -o "$work/time" "$reportx" extract "$one" --quiet >/dev/null
  read -r wall rss <"$work/time"
  best=$(awk -v a="$best" -v b="$wall" 'BEGIN { print (b < a ? b : a) }')
done
echo "| cold run, one file (best of 5) | 1 | $(awk -v b="$(stat -c %s "$one")" 'BEGIN { printf "%.1f KB", b / 1e3 }') | ${best} s | | | | | $((rss / 1024)) MB |"
echo
echo "Load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
