// opencc-js as a peer: converts every file (UTF-8, else GB18030) from traditional to simplified (t2s: 't' → 'cn')
// and writes the result to standard output, in one process. Needs `npm install` in tools/bench.
import { readFileSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { files } from './files.mjs'

const require = createRequire(import.meta.url)
const OpenCC = require('opencc-js')
const convert = OpenCC.Converter({ from: 't', to: 'cn' })
const utf8 = new TextDecoder('utf-8', { fatal: true })
const gb = new TextDecoder('gb18030')
for (const path of files(process.argv.slice(2))) {
  const raw = readFileSync(path)
  let text
  try { text = utf8.decode(raw) } catch { text = gb.decode(raw) }
  writeSync(1, convert(text))
}
