import { formatMessages } from '@pressroom/article'
import type { ArticleResult } from './build-article.js'
import { fromData, type MessageData } from './messages.js'

export interface ProgressOptions {
  quiet: boolean
  json: boolean
  stream: NodeJS.WriteStream
}

/**
 * Progress on stderr: a live status line in a terminal, plain lines otherwise,
 * nothing with `--quiet` (errors are still reported) or `--json`.
 */
export class Progress {
  private done = 0
  private total = 0
  private failed = 0
  private last = ''
  private readonly live: boolean
  private lastLine = ''
  /** Output in order: formatting messages is asynchronous (the reporter loads on first use). */
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly options: ProgressOptions) {
    this.live = Boolean(options.stream.isTTY) && !options.quiet && !options.json && !process.env.CI
  }

  /** A run begins: a line saying so (plain output), or the bar (a terminal). */
  start(total: number, workers?: number): void {
    this.total = total
    this.done = 0
    this.failed = 0
    if (!this.live && !this.options.quiet && !this.options.json)
      this.enqueue(() => {
        this.options.stream.write(
          `Building ${total} article${total === 1 ? '' : 's'}${workers ? ` (${workers} worker${workers === 1 ? '' : 's'})` : ''}\n`,
        )
      })
    this.render()
  }

  begin(_file: string): void {
    this.render()
  }

  finish(result: ArticleResult): void {
    this.last = result.file
    this.done++
    if (!result.ok) this.failed++
    this.enqueue(() => this.print(result))
  }

  /** Resolves when everything reported so far is written. */
  flush(): Promise<void> {
    return this.queue
  }

  private enqueue(task: () => Promise<void> | void): void {
    this.queue = this.queue.then(task)
  }

  private async print(result: ArticleResult): Promise<void> {
    const { stream, quiet, json } = this.options
    const messages = json ? '' : await formatMessages(result.messages.map(fromData), { quiet })
    this.clear()
    if (!json) {
      if (messages) stream.write(`${messages}\n`)
      // In a terminal the bar shows progress: only failures get a line there.
      if (!quiet && !(this.live && result.ok)) {
        const formats = result.formats
          .map(
            (format) =>
              `${format.format}${format.status === 'cached' ? ' (up to date)' : format.status === 'failed' ? ' FAILED' : ` ${Math.round(format.ms)} ms`}`,
          )
          .join(', ')
        const mark = result.ok ? '✓' : '✗'
        stream.write(
          `${mark} ${result.file}${result.slug && result.ok ? ` → ${result.slug}/` : ''}${formats ? `  ${formats}` : result.ok ? '' : '  not built'}\n`,
        )
      }
    }
    this.render()
  }

  note(text: string): void {
    if (this.options.quiet || this.options.json) return
    this.enqueue(() => {
      this.clear()
      this.options.stream.write(`${text}\n`)
      this.render()
    })
  }

  messages(messages: MessageData[]): void {
    if (this.options.json || messages.length === 0) return
    this.enqueue(async () => {
      const text = await formatMessages(messages.map(fromData), { quiet: this.options.quiet })
      this.clear()
      if (text) this.options.stream.write(`${text}\n`)
      this.render()
    })
  }

  private render(): void {
    if (!this.live || this.total === 0) return
    const width = 24
    const filled = Math.round((this.done / this.total) * width)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    const current = this.last ? `last: ${this.last}` : ''
    const line =
      `${bar} ${this.done}/${this.total}${this.failed ? ` (${this.failed} failed)` : ''} ${current}`.slice(
        0,
        (this.options.stream.columns ?? 80) - 1,
      )
    this.options.stream.write(`\r\x1b[K${line}`)
    this.lastLine = line
  }

  clear(): void {
    if (this.live && this.lastLine) {
      this.options.stream.write('\r\x1b[K')
      this.lastLine = ''
    }
  }
}
