import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Article, loadConfig, parseArticle, readArticle } from '@pressroom/article'

export const contentDir = fileURLToPath(new URL('../../../content/', import.meta.url))
export const seedPath = path.join(contentDir, 'pakistan-restores-deterrence.md')
export const explainerPath = path.join(contentDir, 'seawater-to-tap-water.md')
export const arabicPath = path.join(contentDir, 'al-marjan-electric-buses.md')

/** Read an article from content/ with the publication config, as the CLI does. */
export async function load(file: string): Promise<Article> {
  const { config } = await loadConfig(contentDir)
  return readArticle(file, { config })
}

/** Parse a Markdown string (frontmatter included) into an Article. */
export async function fromMarkdown(markdown: string): Promise<Article> {
  const { config } = await loadConfig(contentDir)
  return parseArticle(markdown, { path: path.join(contentDir, 'test-article.md'), config })
}

const dir = mkdtempSync(path.join(tmpdir(), 'pressroom-pdf-'))
let count = 0

/** Write bytes to a temporary file and return its path. */
export function toFile(bytes: Uint8Array): string {
  const file = path.join(dir, `out-${++count}.pdf`)
  writeFileSync(file, bytes)
  return file
}

/** Run a poppler / qpdf tool; returns stdout (stderr appended). */
export function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; status?: number }
    return `${e.stdout ?? ''}${e.stderr ?? ''}\nEXIT ${e.status}`
  }
}

/** Normalise extracted text: soft hyphens at line ends joined, whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/\u00AD\s*/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}
