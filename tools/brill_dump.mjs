#!/usr/bin/env node
// parley build tool: print the lexicon of the npm `brill` package (3.x, ESM) as TSV.
//
//   node tools/brill_dump.mjs NPM_PREFIX_OR_PACKAGE_DIR [OUT.tsv]
//
// NPM_PREFIX_OR_PACKAGE_DIR is either the --prefix given to `npm install` (the package is then
// NPM_PREFIX/node_modules/brill) or the package directory itself. Output (to OUT.tsv, else stdout),
// one word per line, sorted by code point:
//
//   word<TAB>TAG TAG ...
//
// Tags keep brill's order (the first is the most likely). brill's ambiguity tags such as
// `JJR|RBR` are split into their parts; duplicates are dropped. Words containing a tab, a newline
// or a space are skipped (brill has none). Exit status 1 with a message on stderr on failure.
import {existsSync, writeFileSync, renameSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'

function fail(message) {
  process.stderr.write(`brill_dump: ${message}\n`)
  process.exit(1)
}

const [dirArg, outArg] = process.argv.slice(2)
if (!dirArg) fail('usage: brill_dump.mjs NPM_PREFIX_OR_PACKAGE_DIR [OUT.tsv]')

const dir = resolve(dirArg)
let entry
if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lib'))) {
  entry = createRequire(join(dir, 'package.json')).resolve(dir)
} else {
  try {
    entry = createRequire(join(dir, 'noop.js')).resolve('brill')
  } catch {
    fail(`npm package brill not found under ${dir} (run: npm install --prefix ${dir} brill@3.1.0)`)
  }
}

let mod
try {
  mod = await import(pathToFileURL(entry).href)
} catch (error) {
  fail(`cannot load ${entry}: ${error.message}`)
}
const lexicon = mod.brill
if (!lexicon || typeof lexicon !== 'object') fail(`${entry} does not export \`brill\``)

const own = Object.prototype.hasOwnProperty
const words = Object.keys(lexicon).filter((w) => own.call(lexicon, w) && w.length > 0 && !/[\t\n\r ]/.test(w))
// Sort by code point (not UTF-16 unit) so the output is byte-order sorted as UTF-8.
words.sort((a, b) => {
  const x = Array.from(a)
  const y = Array.from(b)
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0)
    if (d !== 0) return d
  }
  return x.length - y.length
})

const lines = []
for (const word of words) {
  const list = lexicon[word]
  if (!Array.isArray(list)) continue
  const tags = []
  for (const tag of list) {
    if (typeof tag !== 'string') continue // brill 3.1.0 has one dangling index ("your")
    for (const part of tag.split('|')) {
      if (part && !tags.includes(part)) tags.push(part)
    }
  }
  if (tags.length > 0) lines.push(`${word}\t${tags.join(' ')}\n`)
}
if (lines.length === 0) fail(`${entry} has an empty lexicon`)

const text = lines.join('')
if (outArg) {
  const tmp = `${outArg}.tmp`
  writeFileSync(tmp, text)
  renameSync(tmp, outArg)
} else {
  process.stdout.write(text)
}
