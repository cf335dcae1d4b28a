import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createProgram, formatNames, parseFormats } from '../src/index.js'
import { configFor } from '../src/lib/config-cache.js'
import { discover } from '../src/lib/discover.js'
import { sweepTemporaryFiles, tempPrefix, writeFileAtomic } from '../src/lib/write.js'

const temp = () => mkdtempSync(path.join(tmpdir(), 'pressroom-cli-'))

function capture() {
  const stdout = new PassThrough()
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream
  let out = ''
  let err = ''
  stdout.on('data', (chunk) => {
    out += chunk
  })
  ;(stderr as unknown as PassThrough).on('data', (chunk) => {
    err += chunk
  })
  return { io: { stdout, stderr }, out: () => out, err: () => err }
}

describe('the format table', () => {
  it('keeps table order so renditions are built before the ninjs that links to them', () => {
    expect(parseFormats('ninjs,pdf,epub')).toEqual(['epub', 'pdf', 'ninjs'])
    expect(parseFormats(undefined)).toEqual([
      'epub',
      'pdf',
      'ninjs',
      'jsonld',
      'html',
      'html-index',
      'jsonfeed',
    ])
    // The web page brings its index page.
    expect(parseFormats('html')).toEqual(['html', 'html-index'])
    expect(parseFormats('all')).toEqual(parseFormats(undefined))
    expect(() => parseFormats('epub,docx')).toThrow('Unknown format `docx`')
  })

  it('help is generated from the same option schema: every option and format is listed', async () => {
    const { io, out } = capture()
    const program = createProgram(io)
    await expect(program.parseAsync(['node', 'pressroom', 'build', '--help'])).rejects.toThrow()
    const help = out()
    const build = program.commands.find((command) => command.name() === 'build')!
    for (const option of build.options) expect(help).toContain(option.long!)
    for (const name of formatNames) expect(help).toMatch(new RegExp(`^  ${name} `, 'm'))
    expect(program.commands.map((command) => command.name())).toEqual([
      'build',
      'check',
      'init',
      'publish',
      'status',
      'retry',
      'resend',
      'worker',
      'preview',
    ])
  })
})

describe('atomic writes', () => {
  it('writes through a temporary file and leaves none behind', async () => {
    const folder = temp()
    const file = path.join(folder, 'a', 'b.txt')
    await writeFileAtomic(file, 'hello')
    expect(readFileSync(file, 'utf8')).toBe('hello')
    expect(readdirSync(path.join(folder, 'a'))).toEqual(['b.txt'])
  })

  it('sweeps temporary files an earlier killed run left', async () => {
    const folder = temp()
    mkdirSync(path.join(folder, 'slug'))
    writeFileSync(path.join(folder, 'slug', `${tempPrefix}slug.pdf-123-abcd`), 'half')
    writeFileSync(path.join(folder, 'slug', 'slug.epub'), 'whole')
    expect(await sweepTemporaryFiles(folder)).toBe(1)
    expect(readdirSync(path.join(folder, 'slug'))).toEqual(['slug.epub'])
  })
})

describe('discover', () => {
  it('finds articles in folders and globs, skipping READMEs, sorted and deduplicated', async () => {
    const folder = temp()
    mkdirSync(path.join(folder, 'sub'))
    for (const name of ['b.md', 'a.md', 'README.md', 'sub/c.markdown', 'notes.txt'])
      writeFileSync(path.join(folder, name), '')
    const found = await discover([folder, path.join(folder, 'a.md')], folder)
    expect(found.files).toEqual(['a.md', 'b.md', path.join('sub', 'c.markdown')])
    const globbed = await discover(['*.md'], folder)
    expect(globbed.files).toEqual(['a.md', 'b.md'])
    await expect(discover(['nothing-*.md'], folder)).rejects.toThrow('No articles match')
    await expect(discover(['missing'], folder)).rejects.toThrow('No such file or folder')
  })

  it('uses the nearest pressroom.yaml, reported once with positions', async () => {
    const folder = temp()
    mkdirSync(path.join(folder, 'desk'))
    writeFileSync(path.join(folder, 'pressroom.yaml'), 'language: fr\n')
    writeFileSync(path.join(folder, 'desk', 'pressroom.yaml'), 'language: de\ntimezone: Mars\n')
    expect((await configFor(folder)).config.language).toBe('fr')
    const desk = await configFor(path.join(folder, 'desk'))
    expect(desk.config.language).toBe('de')
    expect(desk.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '2:11 invalid-timezone',
    ])
  })
})
