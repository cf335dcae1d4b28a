// The packages are publishable (issue 12): `npm pack` gives tarballs that work on their own. Without
// network: the tarballs are unpacked into a project's node_modules; their third-party dependencies
// resolve from this repository's node_modules (the project sits under it), so a separate check
// proves every bare import in a tarball is a declared dependency. Then the root README's example and
// the packed CLI run there. (A real `npm install ./*.tgz` needs the registry's metadata; see README.)
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { root, tool } from '@pressroom/test-helpers'
import { afterAll, describe, expect, it } from 'vitest'

const workspaces = [
  'packages/article',
  'packages/html',
  'packages/epub',
  'packages/pdf',
  'packages/syndication',
  'packages/delivery',
  'packages/web',
  'apps/cli',
]

const cache = path.join(root, 'node_modules', '.cache')
mkdirSync(cache, { recursive: true })
const work = mkdtempSync(path.join(cache, 'pressroom-pack-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(folder, name))
}

describe('npm pack', () => {
  const tarballs = path.join(work, 'tarballs')
  const project = path.join(work, 'project')

  it('packs every package, each tarball declares what it imports, and they install together', () => {
    mkdirSync(tarballs, { recursive: true })
    const packed = spawnSync(
      'npm',
      ['pack', ...workspaces.flatMap((w) => ['-w', w]), '--pack-destination', tarballs, '--json'],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    expect(packed.status, packed.stderr).toBe(0)
    const names = readdirSync(tarballs).filter((name) => name.endsWith('.tgz'))
    expect(names).toHaveLength(workspaces.length)

    const modules = path.join(project, 'node_modules')
    for (const name of names) {
      const target = path.join(
        modules,
        '@pressroom',
        name.replace(/^pressroom-|-\d+\.\d+\.\d+\.tgz$/g, ''),
      )
      mkdirSync(target, { recursive: true })
      tool('tar', ['-xzf', path.join(tarballs, name), '-C', target, '--strip-components=1'])
      // Dependencies npm nested under the workspace (a version that differs from the hoisted one).
      const workspace = workspaces.find((w) =>
        target.endsWith(`@pressroom${path.sep}${path.basename(w)}`),
      )
      const nested = path.join(root, workspace as string, 'node_modules')
      if (existsSync(nested)) symlinkSync(nested, path.join(target, 'node_modules'), 'dir')
      const manifest = JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8'))
      expect(manifest.publishConfig).toEqual({ access: 'public' })
      expect(existsSync(path.join(target, 'README.md'))).toBe(true)
      expect(existsSync(path.join(target, 'dist', 'index.js')), name).toBe(true)
      expect(existsSync(path.join(target, 'dist', 'index.d.ts')), name).toBe(true)
      expect(existsSync(path.join(target, 'dist', '.tsbuildinfo')), name).toBe(false)
      // Every bare import of the built code is a declared dependency (or a Node built-in).
      const declared = new Set(Object.keys(manifest.dependencies ?? {}))
      const builtins = new Set(builtinModules)
      for (const file of files(path.join(target, 'dist'))) {
        const text = readFileSync(file, 'utf8')
        // Relative and root-relative specifiers (`./x.js`, a browser page's `/vendor/pdf.min.mjs`) are
        // files, not packages.
        for (const match of text.matchAll(
          /(?:^|[\s;}])(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"./][^'"]*)['"]/gm,
        )) {
          const specifier = match[1]
          if (specifier.startsWith('node:') || builtins.has(specifier)) continue
          const parts = specifier.split('/')
          const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
          expect(declared.has(pkg), `${name}: ${path.relative(target, file)} imports ${pkg}`).toBe(
            true,
          )
        }
      }
    }
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'my-newsroom', private: true, type: 'module' }),
    )
  }, 300_000)

  it("runs the root README's example with the packed packages", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const example = readme.match(/<!-- example: packages -->\s*```js\n([\s\S]*?)```/)?.[1]
    expect(example).toBeDefined()
    cpSync(path.join(root, 'content'), path.join(project, 'content'), { recursive: true })
    writeFileSync(path.join(project, 'example.js'), example as string)
    const run = spawnSync(process.execPath, ['example.js'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 300_000,
    })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('How seawater becomes tap water')
    const pdf = tool('pdfinfo', [path.join(project, 'seawater.pdf')]).stdout
    expect(pdf).toMatch(/Pages:\s+\d+/)
    expect(
      tool('python3', ['-m', 'zipfile', '-t', path.join(project, 'seawater.epub')]).stdout,
    ).toMatch(/Done testing/)
    const ninjs = JSON.parse(readFileSync(path.join(project, 'seawater.ninjs.json'), 'utf8'))
    expect(ninjs.headlines[0].value).toContain('How seawater becomes tap water')
  }, 300_000)

  it('the packed CLI builds the content folder', () => {
    const run = spawnSync(
      process.execPath,
      [
        path.join(project, 'node_modules', '@pressroom', 'cli', 'bin', 'pressroom.js'),
        'build',
        'content',
        '--format',
        'epub,ninjs,jsonfeed',
        '--out',
        'out',
      ],
      { cwd: project, encoding: 'utf8', timeout: 300_000 },
    )
    expect(run.status, run.stderr).toBe(0)
    expect(existsSync(path.join(project, 'out', 'feed.json'))).toBe(true)
  }, 300_000)
})
