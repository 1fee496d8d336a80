#!/usr/bin/python3
"""The reference side of bench.sh: prints ' '.join(jieba.cut(line, HMM=True)) per input line, as `reportx segment` does.
Lines are split on '\\n' (a trailing '\\r' dropped), read as UTF-8. Needs Debian's python3-jieba."""
import logging
import sys

import jieba

jieba.setLogLevel(logging.WARNING)
jieba.initialize()
out = []
for path in sys.argv[1:]:
    text = open(path, 'rb').read().decode('utf-8-sig')
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    for line in lines:
        if line.endswith('\r'):
            line = line[:-1]
        out.append(' '.join(jieba.cut(line, HMM=True)))
sys.stdout.write('\n'.join(out) + ('\n' if out else ''))
