// @node-rs/jieba as a peer: cuts every line of every file (UTF-8, else GB18030) in precise mode with the HMM and
// writes the words to standard output, in one process on one thread. Needs `npm install` in tools/bench.
import { readFileSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { files } from './files.mjs'

const require = createRequire(import.meta.url)
const { Jieba } = require('@node-rs/jieba')
const { dict } = require('@node-rs/jieba/dict')
const jieba = Jieba.withDict(dict)
const utf8 = new TextDecoder('utf-8', { fatal: true })
const gb = new TextDecoder('gb18030')
for (const path of files(process.argv.slice(2))) {
  const raw = readFileSync(path)
  let text
  try { text = utf8.decode(raw) } catch { text = gb.decode(raw) }
  const out = text.split('\n').map(line => jieba.cut(line, true).join(' ')).join('\n')
  writeSync(1, out + '\n')
}
