// The input files of the node peers: files as given, directories walked for .txt/.htm/.html in sorted order.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export function* files(args) {
  for (const arg of args) {
    if (statSync(arg).isDirectory()) {
      const names = readdirSync(arg, { recursive: true }).map(String).filter(n => /\.(txt|html?)$/.test(n)).sort()
      for (const name of names) yield join(arg, name)
    } else {
      yield arg
    }
  }
}
