/**
 * Message de-duplication: a producer sees each problem once, however many writers met it. The
 * reader reports raw HTML (say) once, and every format and partner that meets the same node would
 * report it again, in its own words: the same place and rule is the same problem.
 */
interface MessageLike {
  reason: string
  file?: string | undefined | null
  line?: number | undefined | null
  column?: number | undefined | null
  endLine?: number | undefined | null
  endColumn?: number | undefined | null
  ruleId?: string | undefined | null
  fatal?: boolean | undefined | null
}

/**
 * The identity of a problem: its file, its place (start and end) and its rule (its text when it
 * has no rule), and whether it is an error. A message without a place is identified by its text.
 */
export function messageKey(message: MessageLike): string {
  const file = message.file ?? ''
  const fatal = message.fatal ? 'error' : 'warning'
  if (!message.line) return [file, '', message.reason, fatal].join('\u0000')
  const place = `${message.line}:${message.column ?? ''}-${message.endLine ?? ''}:${message.endColumn ?? ''}`
  return [file, place, message.ruleId || message.reason, fatal].join('\u0000')
}

/** The messages in order, each problem (`messageKey`) once: the first, which is the reader's. */
export function uniqueMessages<T extends MessageLike>(messages: Iterable<T>): T[] {
  const seen = new Set<string>()
  const kept: T[] = []
  for (const message of messages) {
    const key = messageKey(message)
    if (seen.has(key)) continue
    seen.add(key)
    kept.push(message)
  }
  return kept
}
