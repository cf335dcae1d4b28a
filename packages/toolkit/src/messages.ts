/**
 * Message de-duplication: a producer sees each problem once, however many writers met it.
 */
interface MessageLike {
  reason: string
  file?: string | undefined
  line?: number | undefined | null
  column?: number | undefined | null
  ruleId?: string | undefined | null
  fatal?: boolean | undefined | null
}

/** The identity of a message: where, what rule, what reason (not which writer said it). */
export function messageKey(message: MessageLike): string {
  return [
    message.file ?? '',
    message.line ?? '',
    message.column ?? '',
    message.ruleId ?? '',
    message.reason,
  ].join('\u0000')
}

/** The messages in order, each problem once (the first, or the fatal one if any said so). */
export function uniqueMessages<T extends MessageLike>(messages: Iterable<T>): T[] {
  const byKey = new Map<string, T>()
  for (const message of messages) {
    const key = messageKey(message)
    const seen = byKey.get(key)
    if (!seen || (message.fatal && !seen.fatal))
      byKey.set(key, seen && !message.fatal ? seen : message)
  }
  return [...byKey.values()]
}
