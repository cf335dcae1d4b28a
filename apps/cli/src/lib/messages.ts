import { VFileMessage } from 'vfile-message'

/** A message as plain data, to cross worker threads and go into `--json` reports. */
export interface MessageData {
  file: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  reason: string
  ruleId?: string
  source?: string
  fatal: boolean
}

export function toData(message: VFileMessage): MessageData {
  const data: MessageData = {
    file: message.file ?? '',
    reason: message.reason,
    fatal: message.fatal === true,
  }
  if (message.place) {
    const start = 'start' in message.place ? message.place.start : message.place
    const end = 'end' in message.place ? message.place.end : undefined
    if (start?.line) {
      data.line = start.line
      data.column = start.column
    }
    if (end?.line) {
      data.endLine = end.line
      data.endColumn = end.column
    }
  }
  if (message.ruleId) data.ruleId = message.ruleId
  if (message.source) data.source = message.source
  return data
}

export function fromData(data: MessageData): VFileMessage {
  const start = data.line ? { line: data.line, column: data.column ?? 1 } : undefined
  const place =
    start && data.endLine
      ? { start, end: { line: data.endLine, column: data.endColumn ?? 1 } }
      : start
  const message = new VFileMessage(data.reason, { place, ruleId: data.ruleId, source: data.source })
  message.file = data.file
  message.fatal = data.fatal
  return message
}

/** A message about a file with no position (a crash, an unwritable output). */
export function fileError(
  file: string,
  reason: string,
  ruleId: string,
  source = 'pressroom',
): MessageData {
  return { file, reason, ruleId, source, fatal: true }
}
