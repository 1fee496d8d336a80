#!/usr/bin/env bash
# Times Python jieba, @node-rs/jieba (Rust, via npm) and `reportx segment` side by side, in one run, on the same
# ≥ 1 MB text (the parity corpus, Golden/jieba/corpus.txt.gz), all in precise mode with the HMM.
#
# Each tool is one process pinned to one CPU (taskset -c 0), so each runs on one thread. Runs are interleaved
# (tool by tool, RUNS rounds) and for every tool we keep the best wall time and the best CPU time (user + sys)
# for a one-line file (process start + dictionary load) and for the corpus. The difference of the CPU times is
# the segmentation time of the corpus: CPU time, unlike wall time, stays honest on a machine shared with other
# work. Outputs are compared with Python jieba's line by line.
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

# measure TOOL FILE OUT: prints "wall_ms cpu_ms" of one run (cpu = user + sys of the process and its children).
measure() {
  local TIMEFORMAT='%3R %3U %3S' t
  t=$( { time "$1" "$2" > "$3"; } 2>&1 )
  awk '{printf "%d %d\n", $1*1000, ($2+$3)*1000}' <<< "$t"
}

echo "corpus: $lines lines, $bytes bytes (UTF-8); best of $runs interleaved runs; one CPU each ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
tools=(py node_rs reportx)
for tool in "${tools[@]}"; do "$tool" "$work/one.txt" > /dev/null; done   # warm caches (jieba.cache, disk)
declare -A wall cpu
for _ in $(seq "$runs"); do
  for tool in "${tools[@]}"; do
    for input in one corpus; do
      read -r w c < <(measure "$tool" "$work/$input.txt" "$work/$tool.$input.out")
      key="$tool.$input"
      if [[ -z ${wall[$key]:-} || $w -lt ${wall[$key]} ]]; then wall[$key]=$w; fi
      if [[ -z ${cpu[$key]:-} || $c -lt ${cpu[$key]} ]]; then cpu[$key]=$c; fi
    done
  done
done

printf '%-9s | %-26s | %-26s | %-22s | %s\n' tool "wall ms: one-line corpus" "cpu ms: one-line corpus" "segmenting (cpu) MB/s" "lines same as Python"
declare -A seg
for tool in "${tools[@]}"; do
  seg[$tool]=$(( cpu[$tool.corpus] - cpu[$tool.one] > 0 ? cpu[$tool.corpus] - cpu[$tool.one] : 1 ))
  same=$(paste -d '\n' "$work/py.corpus.out" "$work/$tool.corpus.out" | awk 'NR%2{a=$0;next}{n++; if(a==$0)s++} END{printf "%.2f%%", 100*s/n}')
  mbs=$(awk -v b="$bytes" -v ms="${seg[$tool]}" 'BEGIN{printf "%.1f", b/1e6/(ms/1000)}')
  printf '%-9s | %10s %13s | %10s %13s | %8s ms %9s | %s\n' "$tool" "${wall[$tool.one]}" "${wall[$tool.corpus]}" \
    "${cpu[$tool.one]}" "${cpu[$tool.corpus]}" "${seg[$tool]}" "$mbs" "$same"
done
awk -v p="${seg[py]}" -v n="${seg[node_rs]}" -v r="${seg[reportx]}" 'BEGIN{
  printf "segmenting the corpus, reportx is %.1fx as fast as Python jieba and %.2fx as fast as @node-rs/jieba (one thread)\n", p/r, n/r }'
echo "cold start, reportx segment of a one-line file: best wall ${wall[reportx.one]} ms"
