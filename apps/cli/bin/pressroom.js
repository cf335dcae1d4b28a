#!/usr/bin/env node
// The `pressroom` command. A plain file (not build output) so that `npm ci` links it before the
// first build; it runs the compiled CLI (`npm run build` first).
import { main } from '../dist/lib/cli.js'

await main(process.argv)
