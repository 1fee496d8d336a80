#!/usr/bin/python3
"""Builds the ≥ 1 MB parity corpus for the jieba segmenter: tests/ReportExtract.Tests/Golden/jieba/corpus.txt.gz.

Provenance, in this order, one input line per corpus line (only lines holding at least one Han character):
  1. samples/*.txt — the real reports of this repository (about 70 KB), as they are;
  2. samples/longhu-urban-management-2023-traditional.txt converted with `opencc -c t2s` (Debian: opencc);
  3. /usr/share/debian-reference/debian-reference.zh-cn.txt.gz — the Debian Reference in simplified Chinese
     (Debian: debian-reference-zh-cn, GPL-2+);
  4. /usr/share/doc/debian/FAQ/debian-faq.zh-cn.txt.gz — the Debian FAQ (Debian: debian-faq-zh-cn, SPI's verbatim/modified-copies permission notice);
  5. /usr/share/man/zh_CN/man1/*.gz — simplified Chinese manual pages (Debian: manpages-zh, GFDL-1.2+ / GPL-2.0 per page),
     roff requests dropped and font escapes removed, in file-name order, until the corpus reaches TARGET bytes.
The corpus keeps its sources' mixed script (Latin, digits, punctuation, full-width forms) on purpose.

Usage: /usr/bin/python3 tools/jieba/make_corpus.py   (installs the Debian packages it reads when missing)
"""
import glob
import gzip
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'tests', 'ReportExtract.Tests', 'Golden', 'jieba', 'corpus.txt.gz')
TARGET = 1_300_000  # UTF-8 bytes
PACKAGES = ['opencc', 'debian-reference-zh-cn', 'debian-faq-zh-cn', 'manpages-zh']
HAN = re.compile('[\u4e00-\u9fd5]')
ROFF_ESCAPE = re.compile(r'\\f(?:\[[^\]]*\]|\(..|.)|\\\(..|\\[&|^%:]|\\s[-+]?\d')


def ensure_packages():
    missing = [p for p in PACKAGES if subprocess.run(['dpkg', '-s', p], capture_output=True).returncode != 0]
    if missing:
        subprocess.run(['apt-get', 'install', '-y', '--no-install-recommends'] + missing, check=True)


def lines_of(text):
    for line in text.split('\n'):
        line = line.rstrip('\r')
        if HAN.search(line):
            yield line


def main():
    ensure_packages()
    out, size = [], 0

    def take(lines, limit=None):
        nonlocal size
        for line in lines:
            if limit is not None and size >= limit:
                return
            out.append(line)
            size += len(line.encode('utf-8')) + 1

    samples = sorted(glob.glob(os.path.join(ROOT, 'samples', '*.txt')))
    for path in samples:
        take(lines_of(open(path, encoding='utf-8-sig').read()))
    traditional = os.path.join(ROOT, 'samples', 'longhu-urban-management-2023-traditional.txt')
    take(lines_of(subprocess.run(['opencc', '-c', 't2s', '-i', traditional], capture_output=True, check=True,
                                 text=True, encoding='utf-8').stdout))
    for path in ['/usr/share/debian-reference/debian-reference.zh-cn.txt.gz',
                 '/usr/share/doc/debian/FAQ/debian-faq.zh-cn.txt.gz']:
        take(lines_of(gzip.open(path, 'rt', encoding='utf-8', errors='replace').read()))
    for path in sorted(glob.glob('/usr/share/man/zh_CN/man1/*.gz')):
        text = gzip.open(path, 'rt', encoding='utf-8', errors='replace').read()
        body = (ROFF_ESCAPE.sub('', l).replace('\\-', '-').replace('\\e', '\\')
                for l in text.split('\n') if not l.startswith(('.', "'")))
        take(lines_of('\n'.join(body)), TARGET)
        if size >= TARGET:
            break

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with gzip.GzipFile(OUT, 'wb', mtime=0) as f:
        f.write(('\n'.join(out) + '\n').encode('utf-8'))
    print('lines=%d bytes=%d -> %s' % (len(out), size, os.path.relpath(OUT, ROOT)), file=sys.stderr)


if __name__ == '__main__':
    main()
