/** `build --watch`: rebuild what changed, within a second of the change, until stopped. */
import { type FSWatcher, watch as watchFolder } from 'node:fs'
import path from 'node:path'
import { clearConfigCache } from './config-cache.js'
import { discover } from './discover.js'
import type { Progress } from './progress.js'

/**
 * Editors' temporary and backup files, which must not trigger a build: sed -i's `sedw742MN`, vim's
 * `.story.md.swp` / `.swx` / `4913` (its write test) / `story.md~`, Emacs' `#story.md#` and
 * `.#story.md`, JetBrains' `story.md___jb_tmp___`, and our own `.pressroom-tmp-*`.
 */
export function isEditorTemporary(name: string): boolean {
  const base = path.basename(name)
  return (
    /^sed[A-Za-z0-9]{6}$/.test(base) ||
    /^\d+$/.test(base) ||
    /\.sw[a-px]$/.test(base) ||
    base.endsWith('~') ||
    /^#.*#$/.test(base) ||
    base.startsWith('.#') ||
    /___jb_(tmp|old)___$/.test(base) ||
    /\.(tmp|temp|bak|orig|crdownload|part)$/i.test(base) ||
    base === '.DS_Store' ||
    base.startsWith('.pressroom-tmp-')
  )
}

/** What a batch of changed files means: the articles (or folders of articles) to rebuild. */
export function affectedPaths(changed: string[], inputs: string[]): string[] {
  const articles = new Set<string>()
  for (const file of changed) {
    if (/pressroom\.ya?ml$/.test(file)) {
      clearConfigCache()
      for (const input of inputs) articles.add(input)
    } else if (/\.(md|markdown)$/i.test(file)) {
      articles.add(path.relative(process.cwd(), file))
    } else {
      // An image or other asset: every article of its folder may use it; the cache skips the rest.
      articles.add(path.relative(process.cwd(), path.dirname(file)) || '.')
    }
  }
  return [...articles].filter((file) => !file.includes('.pressroom'))
}

/** Watch the inputs' folders and call `rebuild` with what changed; resolves when `signal` aborts. */
export async function watchAndRebuild(options: {
  paths: string[]
  outDir: string
  rebuild: (paths: string[]) => Promise<unknown>
  progress: Progress
  stderr: NodeJS.WritableStream
  signal: AbortSignal
}): Promise<void> {
  const { paths, outDir, rebuild, progress, stderr, signal } = options
  if (signal.aborted) return
  const found = await discover(paths)
  const folders = new Set(found.files.map((file) => path.dirname(path.resolve(file))))
  for (const input of paths) folders.add(path.resolve(input))
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let busy = false
  const flush = async () => {
    if (busy || signal.aborted) return
    busy = true
    const batch = [...changed]
    changed.clear()
    try {
      progress.note(
        `Changed: ${batch.map((file) => path.relative(process.cwd(), file)).join(', ')}`,
      )
      const articles = affectedPaths(batch, paths)
      if (articles.length > 0) await rebuild(articles)
    } catch (error) {
      stderr.write(`${(error as Error).message}\n`)
    }
    busy = false
    if (changed.size > 0) void flush()
  }
  const watchers: FSWatcher[] = []
  const seen = new Set<string>()
  for (const folder of folders) {
    if ([...seen].some((parent) => folder.startsWith(parent + path.sep))) continue
    seen.add(folder)
    watchers.push(
      watchFolder(folder, { recursive: true }, (_event, name) => {
        if (!name) return
        const file = path.join(folder, name.toString())
        // Our own output (when --out is inside a watched folder) must not trigger a rebuild.
        if (file === outDir || file.startsWith(outDir + path.sep) || isEditorTemporary(file)) return
        changed.add(file)
        clearTimeout(timer)
        timer = setTimeout(() => void flush(), 150)
      }),
    )
  }
  progress.note(
    `Watching ${[...seen].map((f) => path.relative(process.cwd(), f) || '.').join(', ')} for changes (Ctrl-C to stop)`,
  )
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))
  clearTimeout(timer)
  for (const watcher of watchers) watcher.close()
}
