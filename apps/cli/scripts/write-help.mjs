// Build step: writes dist/help.txt, the text of `pressroom --help` as commander prints it to a pipe or a
// file (80 columns, no colour), so that bin/pressroom.js can print it without loading the CLI.
import { writeFileSync } from 'node:fs'
import { createProgram } from '../dist/lib/cli.js'

let text = ''
const io = { stdout: { write: (chunk) => (text += chunk) }, stderr: process.stderr }
const program = createProgram(io)
program.configureOutput({ getOutHelpWidth: () => 80, getOutHasColors: () => false })
try {
  await program.parseAsync(['node', 'pressroom', '--help'])
} catch {
  // commander ends help with an exit it throws (exitOverride).
}
if (!text.startsWith('Usage: pressroom'))
  throw new Error(`unexpected help text: ${text.slice(0, 80)}`)
writeFileSync(new URL('../dist/help.txt', import.meta.url), text)
