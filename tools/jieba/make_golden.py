#!/usr/bin/python3
"""Runs the reference, Python jieba 0.42.1 (Debian: python3-jieba), over the parity corpus and the hand-written
cases and writes its output as golden files for tests/ReportExtract.Tests/Segmentation (which need no Python):

  Golden/jieba/cut.jsonl.gz          jieba.cut(line, HMM=True)          one JSON array of words per line
  Golden/jieba/cut-nohmm.jsonl.gz    jieba.cut(line, HMM=False)
  Golden/jieba/pos.jsonl.gz          jieba.posseg.cut(line, HMM=True)   one JSON array of [word, tag] per line
  Golden/jieba/pos-nohmm.jsonl.gz    jieba.posseg.cut(line, HMM=False)

Lines are the corpus split on '\\n' (make_corpus.py writes it). Python counts code points, C# UTF-16 units:
the test compares words as strings, so offsets need not agree on units here.

Usage: /usr/bin/python3 tools/jieba/make_corpus.py && /usr/bin/python3 tools/jieba/make_golden.py
"""
import gzip
import json
import logging
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
GOLDEN = os.path.join(ROOT, 'tests', 'ReportExtract.Tests', 'Golden', 'jieba')


def main():
    if subprocess.run(['dpkg', '-s', 'python3-jieba'], capture_output=True).returncode != 0:
        subprocess.run(['apt-get', 'install', '-y', '--no-install-recommends', 'python3-jieba'], check=True)
    import jieba
    import jieba.posseg
    jieba.setLogLevel(logging.WARNING)

    text = gzip.open(os.path.join(GOLDEN, 'corpus.txt.gz'), 'rb').read().decode('utf-8')
    lines = text.split('\n')
    if lines[-1] == '':
        lines.pop()

    def write(name, rows):
        with gzip.GzipFile(os.path.join(GOLDEN, name), 'wb', mtime=0) as f:
            for row in rows:
                f.write((json.dumps(row, ensure_ascii=False, separators=(',', ':')) + '\n').encode('utf-8'))

    write('cut.jsonl.gz', (list(jieba.cut(line, HMM=True)) for line in lines))
    write('cut-nohmm.jsonl.gz', (list(jieba.cut(line, HMM=False)) for line in lines))
    write('pos.jsonl.gz', ([[w, t] for w, t in jieba.posseg.cut(line, HMM=True)] for line in lines))
    write('pos-nohmm.jsonl.gz', ([[w, t] for w, t in jieba.posseg.cut(line, HMM=False)] for line in lines))
    print('lines=%d' % len(lines), file=sys.stderr)


if __name__ == '__main__':
    main()
