import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Article } from '../types.js'

/**
 * Format messages in the vfile-reporter convention
 * (`file:line:col  error|warning  reason  rule  source`), grouped by file.
 */
export async function formatMessages(
  messages: readonly VFileMessage[],
  options: { quiet?: boolean; color?: boolean; verbose?: boolean } = {},
): Promise<string> {
  if (messages.length === 0) return ''
  // Loaded on first use: vfile-reporter and its terminal helpers cost ~60 ms of a cold start.
  const [{ reporter }, vfile] = await Promise.all([import('vfile-reporter'), import('vfile')])
  const files = new Map<string, VFile>()
  for (const message of messages) {
    const name = message.file || ''
    let file = files.get(name)
    if (!file) {
      file = new vfile.VFile({ path: name || undefined })
      files.set(name, file)
    }
    file.messages.push(message)
  }
  if (files.size === 0) return ''
  return reporter([...files.values()], {
    quiet: options.quiet,
    color: options.color ?? false,
    verbose: options.verbose,
  })
}

/** The article as plain JSON (like `pandoc -t json`): image bytes replaced by their size and hash. */
export function articleToJson(article: Article): unknown {
  return {
    path: article.path,
    meta: article.meta,
    derived: article.derived,
    images: article.images.map(({ bytes, ...rest }) =>
      bytes ? { ...rest, byteLength: bytes.byteLength } : rest,
    ),
    sourceHash: article.sourceHash,
    messages: article.messages.map((m) => ({
      file: m.file,
      line: m.line,
      column: m.column,
      fatal: m.fatal,
      reason: m.reason,
      ruleId: m.ruleId,
      source: m.source,
    })),
    tree: article.tree,
  }
}
