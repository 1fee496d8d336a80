// The @node-rs/jieba side of bench.sh: jieba.cut(line, true) per input line on the main thread (one thread),
// printed as `reportx segment` prints. Run from a directory where `npm install @node-rs/jieba` was done.
import { readFileSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(process.cwd() + '/')
const { Jieba } = require('@node-rs/jieba')
const { dict } = require('@node-rs/jieba/dict')

const jieba = Jieba.withDict(dict)
const out = []
for (const path of process.argv.slice(2)) {
  let text = readFileSync(path, 'utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const lines = text.split('\n')
  if (lines.length && lines[lines.length - 1] === '') lines.pop()
  for (let line of lines) {
    if (line.endsWith('\r')) line = line.slice(0, -1)
    out.push(jieba.cut(line, true).join(' '))
  }
}
const data = Buffer.from(out.join('\n') + (out.length ? '\n' : ''), 'utf8')
for (let off = 0; off < data.length;) off += writeSync(1, data, off)
