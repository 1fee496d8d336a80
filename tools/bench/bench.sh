#!/usr/bin/env bash
# The whole-process benchmark: the INSTALLED reportx (packed by tools/pack/pack.sh and installed with
# `dotnet tool install`, exactly as the README says) beside the tools users would pick instead, on the same inputs:
#   - the analyst's Python script approach (tools/bench/peers/analyst.py: Python jieba + a regex + the opencc command),
#   - `opencc -c t2s` (Debian's C++ OpenCC) and opencc-js for the traditional→simplified conversion,
#   - @node-rs/jieba for the segmentation.
# Inputs: a seeded batch of 2,000 report files (tools/bench/make-batch.cs), the same 4x (8,000), one 50 MB report
# (a sample repeated) and one report of the batch for cold starts. Every figure comes from tools/bench/timed.py: wall
# seconds from a monotonic clock and user + system CPU seconds from the kernel's accounting of the process (wait4),
# both printed to the millisecond, and peak resident memory from /usr/bin/time; cold starts are the median of 5 runs.
# The Markdown it prints is also written to tools/bench/results.md; docs/performance.md quotes it and a test checks
# that the figures there are the ones of the last run.
# Usage: tools/bench/bench.sh [ARTIFACTS_DIR]   (a directory pack.sh already filled; default: pack afresh)
# Needs: the .NET SDK, python3, node + npm, apt-get (installs opencc, python3-jieba, time and clang when missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v /usr/bin/time >/dev/null || need+=(time)
command -v opencc >/dev/null || need+=(opencc)
/usr/bin/python3 -c 'import jieba' 2>/dev/null || need+=(python3-jieba)
if ((${#need[@]})); then apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null; fi
(cd tools/bench && npm install --no-audit --no-fund --silent >/dev/null)

# The tool as a user installs it. A stale package of the same version in the NuGet cache would be installed
# instead of the fresh one, so reportx's own cache entries go first.
artifacts=${1:-$work/artifacts}
[ -n "${1:-}" ] || tools/pack/pack.sh "$artifacts" >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/reportx "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/reportx.*
dotnet tool install --tool-path "$work/tool" --add-source "$artifacts" reportx >/dev/null
reportx="$work/tool/reportx"
package=$(readlink -f "$reportx" | sed -n 's:.*/\.store/reportx/[^/]*/\(reportx[^/]*\)/.*:\1:p')

dotnet run tools/bench/make-batch.cs -- "$work/batch" 2000 >/dev/null
dotnet run tools/bench/make-batch.cs -- "$work/large" 8000 >/dev/null
sample=samples/wenling-government-2021.txt
while [ "$(stat -c %s "$work/huge.txt" 2>/dev/null || echo 0)" -lt $((50 * 1000 * 1000)) ]; do cat "$sample" >>"$work/huge.txt"; done
one=$(find "$work/batch" -name '*.txt' | sort | sed -n 1p)
size() { find "$@" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
declare -A bytes=([one]=$(stat -c %s "$one") [batch]=$(size "$work/batch") [large]=$(size "$work/large") [huge]=$(stat -c %s "$work/huge.txt"))
declare -A files=([one]=1 [batch]=2000 [large]=8000 [huge]=1)
declare -A label=([one]="one report" [batch]="2,000 files" [large]="8,000 files" [huge]="one 50 MB report")

# time_run OUT CMD...: runs CMD once (stdout to OUT) and prints "wall cpu rss_mb" (seconds to the millisecond).
time_run() {
  local out=$1; shift
  /usr/bin/python3 "$root/tools/bench/timed.py" "$out" "$work/err" "$@" >"$work/time" || { echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
  awk '{ printf "%.3f %.3f %.0f\n", $1, $2, $3 / 1024 }' "$work/time"
}
# median5 CMD...: five runs, the one with the median wall time.
median5() {
  for _ in 1 2 3 4 5; do time_run /dev/null "$@"; done | sort -n | sed -n 3p
}
peers() { # tool names that run on input $1
  # The Python script runs on one report and the 2,000 files only: on 8,000 files it would take most of the run's
  # time (one opencc process and jieba's part-of-speech pass per file), on the 50 MB report minutes more.
  case $1 in large | huge) echo "opencc opencc-js node-rs-jieba" ;; *) echo "analyst opencc opencc-js node-rs-jieba" ;; esac
}
set_peer_cmd() { # sets cmd to the command of peer $1 on input $2
  local input; case $2 in one) input=$one ;; huge) input=$work/huge.txt ;; *) input=$work/$2 ;; esac
  case $1 in
    analyst) cmd=(/usr/bin/python3 tools/bench/peers/analyst.py "$input") ;;
    opencc) if [ -d "$input" ]; then cmd=(opencc -c t2s -i "$input.utf8"); else cmd=(opencc -c t2s -i "$input"); fi ;;
    opencc-js) cmd=(node tools/bench/peers/convert.mjs "$input") ;;
    node-rs-jieba) cmd=(node tools/bench/peers/segment.mjs "$input") ;;
  esac
}
declare -A peer_name=([analyst]="Python script (jieba + regex + opencc)" [opencc]="\`opencc -c t2s\`" [opencc-js]="opencc-js $(node -p "require('./tools/bench/node_modules/opencc-js/package.json').version") (t2s)" [node-rs-jieba]="@node-rs/jieba $(node -p "require('./tools/bench/node_modules/@node-rs/jieba/package.json').version") (cut)")
prow() { # input tool bytes "wall cpu rss" comparison
  local w c r; read -r w c r <<<"$4"
  awk -v l="$1" -v t="$2" -v b="$3" -v w="$w" -v c="$c" -v r="$r" -v x="$5" 'BEGIN {
    rate = b < 1e6 || w == 0 ? "" : sprintf("%.1f MB/s", b / 1e6 / w)
    printf "| %s | %s | %.3f s | %s | %.3f s | %d MB | %s |\n", l, t, w, rate, c, r, x }'
}
row() { # label files bytes "wall cpu rss": one run of reportx; throughput only for inputs of a megabyte or more
  local w c r; read -r w c r <<<"$4"
  awk -v l="$1" -v n="$2" -v b="$3" -v w="$w" -v c="$c" -v r="$r" 'BEGIN {
    input = b == 0 ? "" : b < 1e6 ? sprintf("%.1f KB", b / 1e3) : sprintf("%.1f MB", b / 1e6)
    rate = b < 1e6 || w == 0 ? "| | |" : sprintf("| %.1f MB/s | %.*f files/s |", b / 1e6 / w, (n / w < 10 ? 2 : 0), n / w)
    printf "| %s | %s | %s | %.3f s %s %.3f s | %d MB |\n", l, (b == 0 ? "" : n), input, w, rate, c, r }'
}

# `opencc` reads UTF-8 only and stops at the first invalid byte (exit status 0): it gets each batch as one UTF-8
# file, the GB18030 files transcoded beforehand (untimed).
for input in batch large; do
  /usr/bin/python3 - "$work/$input" "$work/$input.utf8" <<'PY'
import os, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for name in sorted(os.listdir(sys.argv[1])):
        raw = open(os.path.join(sys.argv[1], name), "rb").read()
        try:
            out.write(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.write(raw.decode("gb18030", errors="replace"))
PY
done

report=$work/results.md
{
  echo "Machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version)."
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Installed package: $package (\`tools/pack/pack.sh\` + \`dotnet tool install\`)."
  echo
  echo "#### reportx, the installed tool"
  echo
  echo "| run | files | input | wall | throughput | files/s | CPU (user + sys) | peak RSS |"
  echo "|---|---|---|---|---|---|---|---|"
  row '`reportx --version` (median of 5)' 1 0 "$(median5 "$reportx" --version)"
  declare -A ours
  ours[one]=$(median5 "$reportx" extract "$one" --quiet)
  # What start-up costs by what a command loads: nothing, jieba's dictionary, the OpenCC dictionaries, everything.
  head -n 1 "$one" >"$work/line.txt"
  row '`reportx segment` one line (median of 5)' 1 "$(stat -c %s "$work/line.txt")" "$(median5 "$reportx" segment "$work/line.txt")"
  row '`reportx normalize` one report (median of 5)' 1 "${bytes[one]}" "$(median5 "$reportx" normalize "$one")"
  row '`reportx extract` one report (median of 5)' 1 "${bytes[one]}" "${ours[one]}"
  for input in batch large huge; do
    ours[$input]=$(time_run "$work/out" "$reportx" extract "$work/$( [ $input = huge ] && echo huge.txt || echo $input)" --quiet)
    got=$(grep -c '^{' "$work/out" || true)
    [ "$got" = "${files[$input]}" ] || { echo "${label[$input]}: $got records, expected ${files[$input]}" >&2; exit 1; }
    row "\`reportx extract\`, ${label[$input]}" "${files[$input]}" "${bytes[$input]}" "${ours[$input]}"
  done
  echo
  echo "#### The same inputs with the peers"
  echo
  echo "Cold runs are the median of 5. The last column is the peer's wall time divided by reportx's on the same input"
  echo "(above 1: reportx is faster), though the peers do less: conversion or segmentation alone, or a regex script."
  echo
  echo "| input | tool | wall | throughput | CPU (user + sys) | peak RSS | peer ÷ reportx |"
  echo "|---|---|---|---|---|---|---|"
  for input in one batch large huge; do
    read -r ow _ _ <<<"${ours[$input]}"
    prow "${label[$input]}" "reportx extract" "${bytes[$input]}" "${ours[$input]}" ""
    for peer in $(peers $input); do
      set_peer_cmd "$peer" "$input"
      if [ "$input" = one ]; then t=$(median5 "${cmd[@]}"); else t=$(time_run /dev/null "${cmd[@]}"); fi
      read -r pw _ _ <<<"$t"
      prow "${label[$input]}" "${peer_name[$peer]}" "${bytes[$input]}" "$t" "$(awk -v p="$pw" -v o="$ow" 'BEGIN { r = (o > 0 ? p / o : 0); printf (r < 1 ? "%.2f" : "%.1f"), r }')"
    done
  done
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$report"
cp "$report" tools/bench/results.md
