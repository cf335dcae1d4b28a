// Build step (after `tsc -b`): bundles the compiled CLI and the packages it uses into dist/bundle/ with
// esbuild, so that a command loads a few files instead of hundreds of small ES modules. Code splitting
// makes a chunk per renderer (each is imported where a format needs it), so `build --format epub`
// loads the EPUB writer and nothing of the PDF one. The entry points are the command (cli.js) and
// the pool's worker (worker.js, which pool.js finds beside itself).
//
// Kept out of the bundle (loaded from node_modules as before): native modules (sharp; the delivery
// package with its SFTP and libsql clients), packages that read their own files next to their code
// (pdfkit's ICC profile, bullmq's scripts; fontkit with pdfkit, which imports it), and what only rare
// commands load. Each of them that the bundle imports is a dependency of this package. Files found with `require.resolve` at run time (fonts,
// hyphenation patterns, the preview's vendor scripts) resolve from dist/bundle/ exactly as from
// dist/lib/: both are two folders below apps/cli, whose node_modules chain is the same.
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(cli, 'dist/bundle')
rmSync(outdir, { recursive: true, force: true })

const external = [
  'sharp',
  'pdfkit',
  // With pdfkit, which imports it (one copy for both writers); its brotli's dictionary also holds
  // strings such as " from " that the pack test's import scan would take for imports.
  'fontkit',
  'linebreak',
  'png-js',
  'hyphen',
  'bullmq',
  // Delivery (SFTP, libsql state): rare commands with native dependencies.
  '@pressroom/delivery',
  'pdfjs-dist',
  'epubjs',
]

const result = await build({
  metafile: true,
  entryPoints: {
    cli: path.join(cli, 'dist/lib/cli.js'),
    worker: path.join(cli, 'dist/lib/worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  // No comments (and smaller files to parse); names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // CommonJS packages bundled into ES modules still call `require` for Node's own modules.
  banner: {
    js: "import { createRequire as __pressroomCreateRequire } from 'node:module'; const require = __pressroomCreateRequire(import.meta.url);",
  },
})

// What each output file holds (its source files, relative to apps/cli): the start-up test reads it to
// tell which code a command loaded, since chunk names say nothing.
const contents = {}
for (const [output, { inputs }] of Object.entries(result.metafile.outputs))
  contents[path.basename(output)] = Object.keys(inputs)
writeFileSync(path.join(outdir, 'contents.json'), `${JSON.stringify(contents)}\n`)
