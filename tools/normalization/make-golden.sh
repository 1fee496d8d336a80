#!/bin/sh
# Regenerates tests/ReportExtract.Tests/Normalization/Golden/: what `reportx normalize` must print for the traditional
# sample, made by the reference tools alone (no reportx code): the pinyin annotations removed by a regular
# expression, then OpenCC's t2s conversion.
set -eu
command -v opencc >/dev/null || apt-get install -y opencc libopencc-data
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/tests/ReportExtract.Tests/Normalization/Golden"
mkdir -p "$out"
/usr/bin/python3 -c 'import re, sys; sys.stdout.write(re.sub(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", sys.stdin.read()))' \
  < "$root/samples/longhu-urban-management-2023-traditional.txt" \
  | opencc -c t2s.json > "$out/longhu-urban-management-2023-traditional.normalized.txt"
echo "wrote $out"
