#!/usr/bin/env node
// The `pressroom` command. A plain file (not build output) so that `npm ci` links it before the
// first build; it runs the compiled CLI (`npm run build` first), bundled when the build bundled it.
//
// The two commonest questions are answered without loading the CLI (commander and the command table):
// `--version`, and `--help` (or no arguments) when the help goes to a pipe or a file, from the text the
// build wrote (dist/help.txt: commander's own output at 80 columns, the width it uses off a terminal).
// A terminal gets commander's help at its own width.
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
let answered = false
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${version}\n`)
  answered = true
} else if (
  (args.length === 0 || (args.length === 1 && (args[0] === '--help' || args[0] === '-h'))) &&
  !process.stdout.isTTY &&
  !process.env.FORCE_COLOR
) {
  try {
    process.stdout.write(readFileSync(new URL('../dist/help.txt', import.meta.url), 'utf8'))
    answered = true
  } catch {
    // Not built with the help text: commander prints it.
  }
}
if (!answered) {
  // The bundle (dist/bundle/, written by the build: a few files, a chunk per renderer) when it is
  // there; the compiled modules (dist/lib/) otherwise, or with PRESSROOM_UNBUNDLED=1.
  let cli
  if (!process.env.PRESSROOM_UNBUNDLED) {
    try {
      cli = await import('../dist/bundle/cli.js')
    } catch (error) {
      if (
        error?.code !== 'ERR_MODULE_NOT_FOUND' ||
        !String(error.message).includes('dist/bundle/cli.js')
      )
        throw error
    }
  }
  cli ??= await import('../dist/lib/cli.js')
  await cli.main(process.argv)
}
