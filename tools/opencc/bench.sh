#!/usr/bin/env bash
# Throughput of traditional→simplified conversion on the same files, three ways:
#   - opencc -c t2s       (Debian's C++ OpenCC; whole process, dictionary load included, best of 3)
#   - opencc-js           (npm; Converter({from: 't', to: 'cn'}), in-process, after warm-up)
#   - reportx normalize   (the published command; whole process: decode, width, pinyin, t2s, chrome; best of 3)
#   - reportx             (TraditionalToSimplifiedConverter through tools/opencc/harness, in-process, after warm-up)
# on two ~32 MB files (large enough that start-up is a small part of a whole-process run): the OpenCC parity corpus (traditional) and the simplified samples, each repeated.
# MB/s are UTF-8 input megabytes (10^6) per second. It also reports whether opencc-js and reportx give
# byte-identical output to opencc on both files.
#
# Usage: tools/opencc/bench.sh [--bdn]   (--bdn also runs the BenchmarkDotNet ConverterBenchmarks, slower)
# Needs: opencc, node + npm (npm registry), the .NET SDK.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v opencc >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq opencc libopencc-data
fi

# 1. The same input files for all three.
repeat_to_32mb() { # out, files...
  local out="$1"; shift
  cat "$@" > "$work/one"
  local size copies
  size=$(wc -c < "$work/one")
  copies=$(( (33554432 + size - 1) / size ))
  for _ in $(seq "$copies"); do cat "$work/one"; done > "$out"
}
repeat_to_32mb "$work/traditional.txt" "$root"/tests/ReportExtract.Tests/Golden/opencc/input/*.txt
mapfile -t simplified_samples < <(ls "$root"/samples/*.txt | grep -v traditional)
repeat_to_32mb "$work/simplified.txt" "${simplified_samples[@]}"
files=("$work/traditional.txt" "$work/simplified.txt")

# 2. Whole processes, best wall time of 3 runs: opencc (C++) and the published `reportx normalize`.
best_mbps() { # file, command...: MB/s of the fastest of 3 runs
  local f="$1"; shift
  local best="" start end
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
  done
  awk -v n="$(wc -c < "$f")" -v t="$best" 'BEGIN { printf "%.1f", n / t / 1e6 }'
}
dotnet publish "$root/src/ReportExtract.Cli" -c Release -r linux-x64 --self-contained false -o "$work/cli" >/dev/null
declare -A opencc_mbps normalize_mbps
for f in "${files[@]}"; do
  opencc_mbps[$f]=$(best_mbps "$f" opencc -c t2s -i "$f" -o "$f.opencc")
  normalize_mbps[$f]=$(best_mbps "$f" sh -c '"$1" normalize "$2" > "$2.normalized"' _ "$work/cli/reportx" "$f")
done

# 3. opencc-js, installed into the temp dir.
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund opencc-js >/dev/null)
opencc_js_version=$(node -p "require('$work/node_modules/opencc-js/package.json').version")
cat > "$work/bench.js" <<'EOF'
const fs = require('fs');
const OpenCC = require('opencc-js');
const convert = OpenCC.Converter({ from: 't', to: 'cn' });
for (const file of process.argv.slice(2)) {
  const bytes = fs.statSync(file).size;
  const text = fs.readFileSync(file, 'utf8');
  let out = '';
  for (let i = 0; i < 2; i++) out = convert(text);
  fs.writeFileSync(file + '.openccjs', out);
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 3) {
    convert(text);
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  console.log(`${file}\t${(bytes * runs / elapsed / 1e6).toFixed(1)}`);
}
EOF
declare -A js_mbps
while IFS=$'\t' read -r f mbps; do js_mbps[$f]=$mbps; done < <(cd "$work" && node bench.js "${files[@]}")

# 4. reportx through the harness.
dotnet build -c Release "$here/harness" -o "$work/harness" >/dev/null
dotnet "$work/harness/OpenCcHarness.dll" --out "$work/ours" "${files[@]}" >/dev/null
declare -A convert_mbps simplify_mbps
while IFS=$'\t' read -r name _ _ convert simplify; do
  convert_mbps[$name]=$(echo "$convert" | awk '{print $2}')
  simplify_mbps[$name]=$(echo "$simplify" | awk '{print $2}')
done < <(dotnet "$work/harness/OpenCcHarness.dll" --seconds 3 "${files[@]}")

same() { cmp -s "$1" "$2" && echo identical || echo DIFFERENT; }
echo
echo "t2s throughput, UTF-8 MB/s ($(nproc) cores, shared; opencc $(dpkg-query -W -f='${Version}' opencc), opencc-js $opencc_js_version)"
printf '%-16s %9s %9s %10s %18s %16s %17s  %s\n' file bytes opencc opencc-js "reportx normalize" "reportx Convert" "reportx Simplify" "same output as opencc: opencc-js / reportx"
for f in "${files[@]}"; do
  n=$(basename "$f")
  printf '%-16s %9s %9s %10s %18s %16s %17s  %s / %s\n' "$n" "$(wc -c < "$f")" "${opencc_mbps[$f]}" "${js_mbps[$f]}" \
    "${normalize_mbps[$f]}" "${convert_mbps[$n]}" "${simplify_mbps[$n]}" "$(same "$f.opencc" "$f.openccjs")" "$(same "$f.opencc" "$work/ours/$n")"
done
echo "(opencc and reportx normalize: whole processes, start-up included; opencc-js, Convert, Simplify: in-process, warm)"

if [ "${1:-}" = "--bdn" ]; then
  dotnet run -c Release --project "$root/tests/ReportExtract.Benchmarks" -- --filter '*ConverterBenchmarks*'
fi
