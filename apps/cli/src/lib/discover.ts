import { stat } from 'node:fs/promises'
import path from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { UsageError } from './errors.js'

const articleExtension = /\.(md|markdown)$/i
/** Files in a content folder that are not articles. */
const notArticles = /^(readme|license|licence|changelog|contributing)\.(md|markdown)$/i

export interface Found {
  /** Article files, sorted, deduplicated. */
  files: string[]
  /** For each file, the folder given on the command line it was found under (config lookup stops there). */
  roots: Map<string, string>
}

/** Expand files, folders and globs into article files. */
export async function discover(inputs: string[], cwd = process.cwd()): Promise<Found> {
  const files = new Set<string>()
  const roots = new Map<string, string>()
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, {
        cwd,
        absolute: false,
        ignore: ['**/node_modules/**'],
        onlyFiles: true,
      })
      const hits = matches.filter(
        (file) => articleExtension.test(file) && !notArticles.test(path.basename(file)),
      )
      if (hits.length === 0) throw new UsageError(`No articles match \`${input}\``)
      for (const hit of hits) add(hit, path.dirname(hit))
      continue
    }
    let info: import('node:fs').Stats
    try {
      info = await stat(path.resolve(cwd, input))
    } catch {
      throw new UsageError(`No such file or folder: \`${input}\``)
    }
    if (info.isDirectory()) {
      const matches = await glob('**/*.{md,markdown}', {
        cwd: path.resolve(cwd, input),
        ignore: ['**/node_modules/**', '**/.*/**'],
        onlyFiles: true,
      })
      for (const match of matches) {
        if (!notArticles.test(path.basename(match))) add(path.join(input, match), input)
      }
    } else {
      add(input, path.dirname(input))
    }
  }
  return { files: [...files].sort(), roots }

  function add(file: string, root: string) {
    // Report paths as the user sees them: relative to the working folder when inside it.
    const absolute = path.resolve(cwd, file)
    const relative = path.relative(cwd, absolute)
    const normal =
      relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
    if (!files.has(normal)) {
      files.add(normal)
      roots.set(normal, path.resolve(cwd, root))
    }
  }
}
