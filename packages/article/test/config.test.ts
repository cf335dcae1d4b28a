import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/index.js'

describe('loadConfig, the one config loader', () => {
  it('reads the folder’s own file, or looks up to a given folder, naming it as asked', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'pressroom-config-'))
    const desk = path.join(root, 'content', 'desk')
    await mkdir(desk, { recursive: true })
    await writeFile(path.join(root, 'content', 'pressroom.yaml'), 'language: fr\nbase_url: 42\n')

    expect((await loadConfig(desk)).config.language).toBeUndefined()
    const found = await loadConfig(desk, { upTo: root, relativeTo: root })
    expect(found.config.language).toBe('fr')
    expect(found.file).toBe(path.join(root, 'content', 'pressroom.yaml'))
    expect(found.text).toContain('language: fr')
    // Messages name the file relative to the folder asked for.
    expect(found.messages.map((message) => message.file)).toEqual([
      path.join('content', 'pressroom.yaml'),
    ])
    // Never above the limit.
    expect((await loadConfig(desk, { upTo: desk })).config.language).toBeUndefined()
  })
})
