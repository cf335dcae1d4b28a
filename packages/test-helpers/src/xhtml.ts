import type { Article } from '@pressroom/article'
import type { VFileMessage } from 'vfile-message'
import { articleFromMarkdown, type BuildOptions } from './articles.js'
import { wellFormed } from './xml.js'

/** The shape of `toXhtml` from `@pressroom/html` (given by the caller: its tests use its source). */
export type ToXhtml<Options, Result> = (article: Article, options: Options) => Result

/**
 * `render` and `md` bound to an XHTML writer: `render(article, options)` renders with a `report`
 * that collects the messages, checks the fragment is well-formed XHTML and returns the result with
 * `messages` and their `rules`; `md(markdown, options)` does the same for Markdown parsed with
 * mdast-util-from-markdown (no reader).
 */
export function xhtmlHarness<
  Options extends { report?: (message: VFileMessage) => void },
  Result extends { xhtml: string },
>(toXhtml: ToXhtml<Options, Result>) {
  function render(
    article: Article,
    options: Options = {} as Options,
  ): Result & { messages: VFileMessage[]; rules: string[] } {
    const messages: VFileMessage[] = []
    const result = toXhtml(article, { ...options, report: (message) => messages.push(message) })
    wellFormed(result.xhtml)
    return { ...result, messages, rules: messages.map((message) => String(message.ruleId)) }
  }
  function md(markdown: string, options: Options & BuildOptions = {} as Options & BuildOptions) {
    return render(articleFromMarkdown(markdown, options), options)
  }
  return { render, md }
}
