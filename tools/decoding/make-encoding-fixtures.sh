#!/bin/sh
# Regenerates tests/ReportExtract.Tests/Fixtures/encodings/: excerpts of the samples in UTF-8 (the expected
# text) and the same bytes converted by iconv to every encoding the decoder detects.
set -eu
command -v iconv >/dev/null || apt-get install -y libc-bin
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/tests/ReportExtract.Tests/Fixtures/encodings"
mkdir -p "$out"

# The first lines of a sample, about 3 KB, ending at a line end.
excerpt() { head -c 3000 "$root/samples/$1" | /usr/bin/python3 -c 'import sys; t = sys.stdin.buffer.read().decode("utf-8", "ignore"); sys.stdout.write(t[:t.rfind("\n") + 1])'; }

excerpt wenling-government-2021.txt > "$out/wenling-government.utf8.txt"
excerpt bishan-planning-resources-2023.txt > "$out/bishan-planning.utf8.txt"
excerpt longhu-urban-management-2023-traditional.txt > "$out/longhu-traditional.utf8.txt"
excerpt fuling-maan-subdistrict-2021.txt > "$out/fuling-subdistrict.utf8.txt"
excerpt wenling-housing-bureau-2021.txt > "$out/wenling-housing.utf8.txt"

iconv -f UTF-8 -t GBK "$out/wenling-government.utf8.txt" > "$out/wenling-government.gbk.txt"
iconv -f UTF-8 -t GB18030 "$out/wenling-housing.utf8.txt" > "$out/wenling-housing.gb18030.txt"
iconv -f UTF-8 -t GB2312 "$out/bishan-planning.utf8.txt" > "$out/bishan-planning.gb2312.txt"
# Big5 has no toned Latin letters: its excerpt drops the pinyin annotations (區(qū)) the scraped sample carries.
/usr/bin/python3 -c 'import re, sys; sys.stdout.write(re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", sys.stdin.read()))' \
  < "$out/longhu-traditional.utf8.txt" > "$out/longhu-traditional-plain.utf8.txt"
iconv -f UTF-8 -t BIG5 "$out/longhu-traditional-plain.utf8.txt" > "$out/longhu-traditional.big5.txt"
{ printf '\357\273\277'; cat "$out/wenling-housing.utf8.txt"; } > "$out/wenling-housing.utf8-bom.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$out/fuling-subdistrict.utf8.txt"; } > "$out/fuling-subdistrict.utf16le-bom.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$out/fuling-subdistrict.utf8.txt"; } > "$out/fuling-subdistrict.utf16be-bom.txt"
iconv -f UTF-8 -t UTF-16LE "$out/fuling-subdistrict.utf8.txt" > "$out/fuling-subdistrict.utf16le.txt"
iconv -f UTF-8 -t UTF-16BE "$out/fuling-subdistrict.utf8.txt" > "$out/fuling-subdistrict.utf16be.txt"

# Mostly ASCII with a few Chinese words: the bytes a naive detector (chardet and its ports) reads as Windows-1252.
cat > "$out/ascii-heavy.utf8.txt" <<'TXT'
Index No.: 113310810026792569/2022-00223
Doc No.: 2022-4
Date: 2022-01-10
Publisher: 温岭市
Title: 2021 Annual Report on Law-Based Government
TXT
iconv -f UTF-8 -t GBK "$out/ascii-heavy.utf8.txt" > "$out/ascii-heavy.gbk.txt"
echo "wrote $out"
