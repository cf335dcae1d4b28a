/**
 * The partners of a publication config and where each one's documents go,
 * checked with line and column in `pressroom.yaml` (for `check`, `publish`,
 * `retry` and `resend`): nothing is sent while an entry is wrong.
 */
import path from 'node:path'
import { createMessage } from '@pressroom/article'
import { type Destination, parseDestinations } from '@pressroom/delivery'
import { type Partner, parsePartners } from '@pressroom/syndication'
import type { LoadedConfig } from './config-cache.js'
import type { MessageData } from './messages.js'
import { toData } from './messages.js'

export interface PartnerSetup {
  /** The config file (as given, relative to the working folder). */
  file: string
  partners: Partner[]
  destinations: Record<string, Destination>
  /** Problems in `partners:`, with positions; errors mean nothing may be sent. */
  messages: MessageData[]
}

/** The folder of delivery state (the log, default drop folders) for an output folder. */
export function stateFolder(out: string, state?: string): string {
  return path.resolve(state ?? path.join(out, '.pressroom-delivery'))
}

/**
 * The partners of a loaded config (config-cache.ts, which read the file and checked the `partners:`
 * entries once) and their destinations, checked here.
 */
export function loadPartnerSetup(loaded: LoadedConfig, stateDir: string): PartnerSetup {
  const file = loaded.config.path ?? ''
  const { partners } = parsePartners(loaded.config.sections.partners, {
    ...(loaded.config.baseUrl ? { baseUrl: loaded.config.baseUrl } : {}),
  })
  const messages = loaded.messages.filter((message) => message.ruleId === 'invalid-partner')
  const parsed = parseDestinations(loaded.text, {
    configDir: path.dirname(path.resolve(file)),
    stateDir,
  })
  for (const message of parsed.messages) {
    messages.push(
      toData(
        createMessage(file, `${message.field}: ${message.message}`, {
          place: { line: message.line, column: message.column },
          ruleId: 'invalid-destination',
          source: 'pressroom-delivery',
          fatal: message.severity === 'error',
        }),
      ),
    )
  }
  // A partner whose entry has an error gets nothing: keep only partners with a destination.
  const known = new Set(partners.map((partner) => partner.name))
  const destinations: Record<string, Destination> = {}
  for (const [name, destination] of Object.entries(parsed.destinations))
    if (known.has(name)) destinations[name] = destination
  return { file, partners: partners.filter((p) => destinations[p.name]), destinations, messages }
}

/** The problems of the partners' destinations in a config (for `pressroom check`; the entries' own are the config's). */
export function checkDestinations(loaded: LoadedConfig): MessageData[] {
  try {
    return loadPartnerSetup(loaded, stateFolder('out')).messages.filter(
      (message) => message.ruleId === 'invalid-destination',
    )
  } catch {
    return []
  }
}
