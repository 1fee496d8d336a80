#!/usr/bin/python3
"""The analyst's script approach, the peer reportx replaces: per report, decode (UTF-8, else GB18030), convert to
simplified with the `opencc` command (t2s), find figures with a regular expression, cut the clause before each
figure with jieba for its subject, print one JSON line per report. Only a benchmark peer: it does far less than
reportx (no sections, metadata, table rows, qualifiers or offsets back into the original).
Usage: analyst.py FILE_OR_DIR...
"""
import json
import os
import re
import subprocess
import sys

import jieba
import jieba.posseg

FIGURE = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?(余)?(件|元|人次|人|次|个|项|份|场|家|起|%|％)")
CLAUSE_END = re.compile(r"[。！？；，,;：:\n]")
SCALE = {"万": 1e4, "亿": 1e8}


def paths(args):
    for arg in args:
        if os.path.isdir(arg):
            for root, _, files in os.walk(arg):
                for name in sorted(files):
                    if name.endswith((".txt", ".htm", ".html")):
                        yield os.path.join(root, name)
        else:
            yield arg


def decode(raw):
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def subject(text, start):
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, max(0, start - 48), start)), default=max(0, start - 48))
    nouns = [w.word for w in jieba.posseg.cut(text[clause_start:start]) if w.flag.startswith("n")]
    return nouns[-1] if nouns else None


def main():
    jieba.initialize()
    out = sys.stdout
    for path in paths(sys.argv[1:]):
        with open(path, "rb") as f:
            text = decode(f.read())
        text = subprocess.run(["opencc", "-c", "t2s"], input=text, capture_output=True, text=True, check=True).stdout
        metrics = []
        for m in FIGURE.finditer(text):
            value = float(m.group(1)) * SCALE.get(m.group(2), 1)
            metrics.append({"value": value, "unit": m.group(4), "subject": subject(text, m.start()), "text": m.group(0), "span": [m.start(), m.end()]})
        out.write(json.dumps({"path": path, "metrics": metrics}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
