import type { Node, Point, Position } from 'unist'
import { VFileMessage } from 'vfile-message'
import type { Article } from '../types.js'

/** Where a message points: a node, a position or a point in the source. */
export type Place = Node | Position | Point | undefined

export interface MessageOptions {
  /** The node or position the message is about. */
  place?: Place
  /** Stable id of the rule, e.g. `missing-title`. */
  ruleId: string
  /** What reported it, e.g. `pressroom-article`, `pressroom-pdf`. */
  source?: string
  /** An error (the article cannot be built) rather than a warning. */
  fatal?: boolean
}

function toPlace(place: Place): Position | Point | undefined {
  if (!place) return undefined
  if ('type' in place) return (place as Node).position
  return place as Position | Point
}

/** Create a message in the vfile convention (`file:line:col  reason  rule  source`). */
export function createMessage(
  file: string | undefined,
  reason: string,
  options: MessageOptions,
): VFileMessage {
  const message = new VFileMessage(reason, {
    place: toPlace(options.place),
    ruleId: options.ruleId,
    source: options.source ?? 'pressroom-article',
  })
  message.file = file ?? ''
  message.fatal = options.fatal === true
  return message
}

/** Create a message about an article (used by renderers to report through their `report` option). */
export function articleMessage(
  article: Pick<Article, 'path'>,
  reason: string,
  options: MessageOptions,
): VFileMessage {
  return createMessage(article.path, reason, options)
}

/** True when any message is an error. */
export function hasErrors(messages: readonly VFileMessage[]): boolean {
  return messages.some((message) => message.fatal === true)
}
