#!/usr/bin/env bash
# Whole-process benchmark of `reportx extract`: makes a batch of report files (samples repeated and varied),
# then times the published CLI on it with /usr/bin/time (wall time, peak RSS) for JSONL and CSV output,
# and a cold run on one file. Prints a Markdown table for the README.
# Usage: tools/bench/extract-batch.sh [FILES=2000]
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
dotnet publish src/ReportExtract.Cli -c Release -o "$work/bin" --nologo -v quiet >/dev/null
dotnet run tools/bench/make-batch.cs -- "$work/batch" "$files" >/dev/null
bytes=$(cat "$work"/batch/*.txt | wc -c)
reportx=("$work/bin/reportx")

measure() { # label, then the command; prints wall seconds and peak RSS in MB
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall rss <"$work/time"
  awk -v l="$label" -v w="$wall" -v r="$rss" -v b="$bytes" \
    'BEGIN { printf "| %s | %.2f s | %.1f MB/s | %.0f MB |\n", l, w, (w > 0 ? b / 1e6 / w : 0), r / 1024 }'
}

echo "Batch: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $(nproc) cores, $(date -u +%F)"
echo
echo "| run | wall | throughput | peak RSS |"
echo "|---|---|---|---|"
measure "extract --format jsonl" "${reportx[@]}" extract "$work/batch" --format jsonl --quiet
measure "extract --format csv" "${reportx[@]}" extract "$work/batch" --format csv --quiet
one=$(ls "$work"/batch/*.txt | head -1)
best=999
for _ in 1 2 3 4 5; do
  /usr/bin/time -f '%e' -o "$work/time" "${reportx[@]}" extract "$one" --quiet >/dev/null
  best=$(awk -v a="$best" -v b="$(cat "$work/time")" 'BEGIN { print (b < a ? b : a) }')
done
echo "| cold run, one file (best of 5) | ${best} s | | |"
