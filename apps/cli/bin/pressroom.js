#!/usr/bin/env node
// The `pressroom` command. A plain file (not build output) so that `npm ci` links it before the
// first build; it runs the compiled CLI (`npm run build` first), bundled when the build bundled it.
//
// CommonJS (bin/package.json says so), not an ES module: Node starts no ES module loader for it,
// which makes it the cheapest entry for the two commonest questions, answered without loading the
// CLI (commander and the command table): `--version`, and `--help` (or no arguments) when the help goes to a pipe or a
// file, from the text the build wrote (dist/help.txt: commander's own output at 80 columns, the width
// it uses off a terminal). A terminal gets commander's help at its own width.
const { readFileSync } = require('node:fs')
const path = require('node:path')

const cli = path.join(__dirname, '..')
const args = process.argv.slice(2)
let answered = false
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { version } = JSON.parse(readFileSync(path.join(cli, 'package.json'), 'utf8'))
  process.stdout.write(`${version}\n`)
  answered = true
} else if (
  (args.length === 0 || (args.length === 1 && (args[0] === '--help' || args[0] === '-h'))) &&
  !process.stdout.isTTY &&
  !process.env.FORCE_COLOR
) {
  try {
    process.stdout.write(readFileSync(path.join(cli, 'dist', 'help.txt'), 'utf8'))
    answered = true
  } catch {
    // Not built with the help text: commander prints it.
  }
}

// The bundle (dist/bundle/, written by the build: a few files, a chunk per renderer) when it is
// there; the compiled modules (dist/lib/) otherwise, or with PRESSROOM_UNBUNDLED=1.
async function run() {
  const { pathToFileURL } = require('node:url')
  const bundled = path.join(cli, 'dist', 'bundle', 'cli.js')
  let entry = path.join(cli, 'dist', 'lib', 'cli.js')
  if (!process.env.PRESSROOM_UNBUNDLED) {
    try {
      require('node:fs').accessSync(bundled)
      entry = bundled
    } catch {
      // Not bundled: the compiled modules.
    }
  }
  const { main } = await import(pathToFileURL(entry).href)
  await main(process.argv)
}

if (!answered) {
  run().catch((error) => {
    // What an ES module entry does with an error it throws: print it, exit 1.
    console.error(error)
    process.exitCode = 1
  })
}
