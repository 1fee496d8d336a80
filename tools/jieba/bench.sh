#!/usr/bin/env bash
# Times Python jieba, @node-rs/jieba (Rust, via npm) and `reportx segment` side by side, in one run, on the same
# ≥ 1 MB text (the parity corpus, Golden/jieba/corpus.txt.gz), all in precise mode with the HMM.
#
# Each tool is one process pinned to one CPU (taskset -c 0), so each runs on one thread. For every tool we take
# the best of RUNS wall times for a one-line file (process start + dictionary load) and for the corpus; their
# difference is the segmentation time of the corpus. Outputs are compared with Python jieba's line by line.
#
# Usage: tools/jieba/bench.sh [RUNS]        (installs python3-jieba with apt-get and @node-rs/jieba with npm
#                                           into a temporary directory when missing; needs dotnet, node, npm)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! /usr/bin/python3 -c 'import jieba' 2>/dev/null; then apt-get install -y --no-install-recommends python3-jieba >/dev/null; fi
(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund --silent @node-rs/jieba@2.0.3 >/dev/null 2>&1)
dotnet build "$root/src/ReportExtract.Cli" -c Release -o "$work/reportx" >/dev/null

zcat "$root/tests/ReportExtract.Tests/Golden/jieba/corpus.txt.gz" > "$work/corpus.txt"
head -n 1 "$work/corpus.txt" > "$work/one.txt"
bytes=$(wc -c < "$work/corpus.txt")
lines=$(wc -l < "$work/corpus.txt")

py() { taskset -c 0 /usr/bin/python3 "$root/tools/jieba/jieba_cut.py" "$@"; }
node_rs() { (cd "$work" && taskset -c 0 node "$root/tools/jieba/node_cut.mjs" "$@"); }
reportx() { taskset -c 0 dotnet "$work/reportx/reportx.dll" segment "$@"; }

# best_ms TOOL FILE OUT: the best wall time in ms over $runs runs.
best_ms() {
  local best=
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$1" "$2" > "$3"
    t1=$(date +%s%N)
    local ms=$(( (t1 - t0) / 1000000 ))
    if [[ -z $best || $ms -lt $best ]]; then best=$ms; fi
  done
  echo "$best"
}

echo "corpus: $lines lines, $bytes bytes (UTF-8); best of $runs runs; one CPU each ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
for tool in py node_rs reportx; do "$tool" "$work/one.txt" > /dev/null; done   # warm caches (jieba.cache, disk)
printf '%-16s %10s %10s %12s %10s %12s\n' tool one-line corpus segmenting MB/s same-as-py
declare -A seg
for tool in py node_rs reportx; do
  one=$(best_ms "$tool" "$work/one.txt" /dev/null)
  all=$(best_ms "$tool" "$work/corpus.txt" "$work/$tool.out")
  seg[$tool]=$(( all - one > 0 ? all - one : 1 ))
  same=$(paste -d '\n' "$work/py.out" "$work/$tool.out" 2>/dev/null | awk 'NR%2{a=$0;next}{n++; if(a==$0)s++} END{printf "%.2f%%", 100*s/n}')
  mbs=$(awk -v b="$bytes" -v ms="${seg[$tool]}" 'BEGIN{printf "%.1f", b/1e6/(ms/1000)}')
  printf '%-16s %8s ms %8s ms %9s ms %10s %12s\n' "$tool" "$one" "$all" "${seg[$tool]}" "$mbs" "$same"
done
awk -v p="${seg[py]}" -v n="${seg[node_rs]}" -v r="${seg[reportx]}" 'BEGIN{
  printf "reportx segments %.1fx as fast as Python jieba and %.2fx as fast as @node-rs/jieba (one thread)\n", p/r, n/r }'
