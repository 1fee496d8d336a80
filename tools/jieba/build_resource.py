#!/usr/bin/python3
"""Converts jieba's own data into the compact resource read by JiebaSegmenter.

Source: Debian's python3-jieba (jieba 0.42.1, MIT/Expat, Copyright 2012-2017 Sun Junyi):
  dict.txt                   word frequency tag
  finalseg/prob_*.py         the B/M/E/S HMM used by jieba.cut for unknown words
  posseg/prob_*.py, char_state_tab.py   the (B/M/E/S, tag) HMM used by jieba.posseg

Output: src/ReportExtract/Resources/Jieba/jieba.dict.bin (little-endian), plus the LICENSE next to it.
The dictionary becomes a trie in breadth-first order, so that the children of each node are one
contiguous, label-sorted range and the run time reads flat arrays instead of parsing dict.txt.

Layout (all arrays little-endian, each section padded to 8 bytes):
  "JBDX" int32 version=1  int64 total
  int32 tagCount, then per tag: uint16 length + UTF-16 code units
  int32 nodeCount; uint16 label[n]; int32 firstChild[n+1]; int32 freq[n]; uint8 tag[n] (index+1, 0 = none)
  finalseg: float64 start[4]; float64 trans[4*4]; int32 charCount; uint16 chars[c]; float64 emit[c*4]
  posseg:   int32 stateCount; uint8 bmes[s]; uint16 tag[s]; float64 start[s];
            int32 transCount; uint16 from[t]; uint16 to[t]; float64 p[t]
            int32 emitChars; uint16 chars[c]; int32 offsets[c+1]; uint16 state[e]; float64 p[e]
            int32 tabChars; uint16 chars[c]; int32 offsets[c+1]; uint16 state[e]
States are numbered in Python's tuple order ('B' < 'E' < 'M' < 'S', then tag), so that "larger index wins"
reproduces the tie-breaking of Python's max() over (probability, state) tuples.

Usage: apt-get install -y python3-jieba && /usr/bin/python3 tools/jieba/build_resource.py
"""
import os
import shutil
import struct
import sys
from collections import deque

JIEBA = '/usr/lib/python3/dist-packages/jieba'
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT_DIR = os.path.join(ROOT, 'src', 'ReportExtract', 'Resources', 'Jieba')
MIN_FLOAT = -3.14e100
BMES = 'BEMS'  # sorted, so that index order equals Python's string order


def main():
    if not os.path.isdir(JIEBA):
        sys.exit('python3-jieba is missing: apt-get install -y python3-jieba')
    sys.path.insert(0, os.path.dirname(JIEBA))
    from jieba.finalseg.prob_start import P as f_start
    from jieba.finalseg.prob_trans import P as f_trans
    from jieba.finalseg.prob_emit import P as f_emit
    from jieba.posseg.prob_start import P as p_start
    from jieba.posseg.prob_trans import P as p_trans
    from jieba.posseg.prob_emit import P as p_emit
    from jieba.posseg.char_state_tab import P as p_tab

    # dict.txt exactly as jieba's gen_pfdict and posseg's load_word_tag read it: a repeated word keeps
    # its last frequency and tag, while every occurrence adds to the total.
    freq, tags, total = {}, {}, 0
    with open(os.path.join(JIEBA, 'dict.txt'), 'rb') as f:
        for line in f:
            line = line.strip().decode('utf-8')
            if not line:
                continue
            word, fr, tag = line.split(' ')
            freq[word] = int(fr)
            total += int(fr)
            tags[word] = tag

    states = sorted(p_trans.keys())
    state_index = {s: i for i, s in enumerate(states)}
    tag_names = sorted(set(tags.values()) | {s[1] for s in states} | {'x', 'm', 'eng'})
    tag_index = {t: i for i, t in enumerate(tag_names)}
    assert len(tag_names) < 255

    # Trie: nested dicts, then breadth-first numbering with sorted children.
    trie = {}
    for word in freq:
        node = trie
        for ch in word:
            assert ord(ch) < 0x10000, word
            node = node.setdefault(ch, {})
    labels, first_child, node_freq, node_tag = [0], [], [], []
    queue = deque([(trie, '')])
    next_index = 1
    while queue:
        node, word = queue.popleft()
        first_child.append(next_index)
        node_freq.append(freq.get(word, 0))
        node_tag.append(tag_index[tags[word]] + 1 if word in tags else 0)
        for ch in sorted(node):
            labels.append(ord(ch))
            queue.append((node[ch], word + ch))
            next_index += 1
    first_child.append(next_index)
    n = len(labels)
    assert len(node_freq) == n and max(node_freq) < 2**31

    out = bytearray()

    def pad():
        while len(out) % 8:
            out.append(0)

    def arr(fmt, values):
        out.extend(struct.pack('<%d%s' % (len(values), fmt), *values))
        pad()

    out += b'JBDX' + struct.pack('<iq', 1, total)
    out += struct.pack('<i', len(tag_names))
    for t in tag_names:
        out += struct.pack('<H', len(t)) + t.encode('utf-16-le')
    pad()
    out += struct.pack('<i', n)
    pad()
    arr('H', labels)
    arr('i', first_child)
    arr('i', node_freq)
    arr('B', node_tag)

    # finalseg
    arr('d', [f_start[s] for s in BMES])
    arr('d', [f_trans[a].get(b, MIN_FLOAT) for a in BMES for b in BMES])
    chars = sorted(set().union(*[f_emit[s].keys() for s in BMES]))
    assert all(ord(c) < 0x10000 for c in chars)
    out += struct.pack('<i', len(chars))
    pad()
    arr('H', [ord(c) for c in chars])
    arr('d', [f_emit[s].get(c, MIN_FLOAT) for c in chars for s in BMES])

    # posseg
    out += struct.pack('<i', len(states))
    pad()
    arr('B', [BMES.index(s[0]) for s in states])
    arr('H', [tag_index[s[1]] for s in states])
    arr('d', [p_start[s] for s in states])
    trans = [(state_index[a], state_index[b], p) for a in states for b, p in sorted(p_trans[a].items())]
    out += struct.pack('<i', len(trans))
    pad()
    arr('H', [t[0] for t in trans])
    arr('H', [t[1] for t in trans])
    arr('d', [t[2] for t in trans])

    by_char = {}
    for s, table in p_emit.items():
        for c, p in table.items():
            assert ord(c) < 0x10000
            by_char.setdefault(c, []).append((state_index[s], p))
    chars = sorted(by_char)
    offsets, st, ps = [0], [], []
    for c in chars:
        for s, p in sorted(by_char[c]):
            st.append(s)
            ps.append(p)
        offsets.append(len(st))
    out += struct.pack('<i', len(chars))
    pad()
    arr('H', [ord(c) for c in chars])
    arr('i', offsets)
    arr('H', st)
    arr('d', ps)

    chars = sorted(p_tab)
    offsets, st = [0], []
    for c in chars:
        assert ord(c) < 0x10000
        st.extend(sorted(state_index[s] for s in p_tab[c]))
        offsets.append(len(st))
    out += struct.pack('<i', len(chars))
    pad()
    arr('H', [ord(c) for c in chars])
    arr('i', offsets)
    arr('H', st)

    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, 'jieba.dict.bin'), 'wb') as f:
        f.write(out)
    shutil.copyfile('/usr/share/doc/python3-jieba/copyright', os.path.join(OUT_DIR, 'LICENSE'))
    print('words=%d nodes=%d total=%d tags=%d states=%d bytes=%d' % (
        len(freq), n, total, len(tag_names), len(states), len(out)))


if __name__ == '__main__':
    main()
