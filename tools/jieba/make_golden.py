#!/usr/bin/python3
"""Runs the reference, Python jieba 0.42.1 (Debian: python3-jieba), over the parity corpus and the hand-written
cases and writes its output as golden files for tests/ReportExtract.Tests/Segmentation (which need no Python):

  Golden/jieba/cut.jsonl.gz          jieba.cut(line, HMM=True)          one JSON array of words per line
  Golden/jieba/cut-nohmm.jsonl.gz    jieba.cut(line, HMM=False)
  Golden/jieba/pos.jsonl.gz          jieba.posseg.cut(line, HMM=True)   one JSON array of [word, tag] per line
  Golden/jieba/pos-nohmm.jsonl.gz    jieba.posseg.cut(line, HMM=False)
  Golden/jieba/cut-user.jsonl.gz     the first USER_LINES lines, cut by a Tokenizer() after load_userdict(userdict.txt)
  Golden/jieba/pos-user.jsonl.gz     the same lines through posseg.POSTokenizer over that tokenizer
  Golden/jieba/mixed.jsonl.gz        seeded random lines (symbols, digits, Latin, full-width forms, whitespace,
                                     characters outside the BMP, runs of rare Han characters, mangled corpus lines),
                                     one JSON object per line: text, cut, cut_nohmm, pos, pos_nohmm

Lines are the corpus split on '\\n' (make_corpus.py writes it). Python counts code points, C# UTF-16 units:
the test compares words as strings, so offsets need not agree on units here.

Usage: /usr/bin/python3 tools/jieba/make_corpus.py && /usr/bin/python3 tools/jieba/make_golden.py
"""
import gzip
import json
import logging
import os
import random
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
GOLDEN = os.path.join(ROOT, 'tests', 'ReportExtract.Tests', 'Golden', 'jieba')
USER_LINES = 2000


def mixed_lines(corpus):
    """Seeded lines that stress jieba's character classes; the output file, not the seed, is the contract."""
    rng = random.Random(20211231)
    common = ''.join(sorted(set(''.join(corpus[:200])) - set('\r\n')))
    symbols = 'ABCxyzQ0123456789０１２+#&._%-/,:;()（），。、：；！？“”「」 \t\u3000\u00a0\U00020bb7\U0001f600々〇'
    out = []
    for _ in range(600):
        out.append(''.join(rng.choice(common + symbols * 3) for _ in range(rng.randint(1, 60))))
    for _ in range(600):
        line = rng.choice(corpus)
        a = rng.randrange(len(line))
        piece = line[a:a + rng.randint(1, 80)]
        out.append(''.join(c if rng.random() > 0.1 else rng.choice('+#&._%-0aZ 1,234.5') for c in piece))
    for _ in range(150):
        out.append(''.join(chr(rng.randint(0x4E00, 0x9FD5)) for _ in range(rng.randint(1, 30))))
    return out


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

    mixed = []
    for text in mixed_lines(lines):
        mixed.append({'text': text,
                      'cut': list(jieba.cut(text, HMM=True)),
                      'cut_nohmm': list(jieba.cut(text, HMM=False)),
                      'pos': [[w, t] for w, t in jieba.posseg.cut(text, HMM=True)],
                      'pos_nohmm': [[w, t] for w, t in jieba.posseg.cut(text, HMM=False)]})
    write('mixed.jsonl.gz', mixed)

    # Last: a user word of frequency 0 lands in finalseg's process-wide Force_Split_Words.
    user = jieba.Tokenizer()
    user.load_userdict(os.path.join(GOLDEN, 'userdict.txt'))
    user_pos = jieba.posseg.POSTokenizer(user)
    write('cut-user.jsonl.gz', (list(user.cut(line, HMM=True)) for line in lines[:USER_LINES]))
    write('pos-user.jsonl.gz', ([[w, t] for w, t in user_pos.cut(line, HMM=True)] for line in lines[:USER_LINES]))
    print('lines=%d' % len(lines), file=sys.stderr)


if __name__ == '__main__':
    main()
