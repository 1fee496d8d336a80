#!/usr/bin/env bash
# Regenerates inputs/*.txt: the five samples in the shape the section and metadata stages receive
# (simplified script, pinyin annotations such as 區(qū) dropped, full-width digits and U+3000 made ASCII).
# The stages' tests read these files so that they do not depend on the normalization stage.
# Needs opencc (apt-get install -y opencc) and perl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
samples="$here/../../../../samples"
command -v opencc >/dev/null || { echo "opencc is missing: apt-get install -y opencc" >&2; exit 1; }
mkdir -p "$here/inputs"
for f in "$samples"/*.txt; do
  name="$(basename "$f")"
  opencc -c t2s.json < "$f" \
    | perl -CSD -Mutf8 -pe 's/(?<=\p{Han})\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)//g; tr/０-９\x{3000}/0-9 /; s/\r$//' \
    > "$here/inputs/$name"
done
