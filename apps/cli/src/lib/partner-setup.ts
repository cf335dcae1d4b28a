/**
 * The partners of a publication config and where each one's documents go,
 * checked with line and column in `pressroom.yaml` (for `check`, `publish`,
 * `retry` and `resend`): nothing is sent while an entry is wrong.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createMessage } from '@pressroom/article'
import { type Destination, parseDestinations, YamlPositions } from '@pressroom/delivery'
import { type Partner, parsePartners } from '@pressroom/syndication'
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

/** Read and check the partners of the config at `file` (relative to the working folder). */
export async function loadPartnerSetup(
  file: string,
  stateDir: string,
  baseUrl?: string,
): Promise<PartnerSetup> {
  const text = await readFile(path.resolve(file), 'utf8')
  const yaml = new YamlPositions(text)
  const data = yaml.data as Record<string, unknown> | undefined
  const messages: MessageData[] = []
  const { partners, messages: partnerMessages } = parsePartners(data?.partners, {
    ...(baseUrl ? { baseUrl } : {}),
  })
  for (const message of partnerMessages) {
    // `partners.<name>.<field>...`: the partner's name may itself hold dots, so match it.
    const name =
      partners.find((p) => message.field.startsWith(`partners.${p.name}.`))?.name ??
      Object.keys((data?.partners as object) ?? {}).find(
        (key) =>
          message.field === `partners.${key}` || message.field.startsWith(`partners.${key}.`),
      )
    const rest = name ? message.field.slice(`partners.${name}`.length + 1) : ''
    const at = name
      ? [
          'partners',
          name,
          ...(rest ? rest.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : []),
        ]
      : ['partners']
    messages.push(
      toData(
        createMessage(file, `${message.field}: ${message.message}`, {
          place: yaml.at(at, message.message.startsWith('unknown setting')),
          ruleId: 'invalid-partner',
          source: 'pressroom-delivery',
          fatal: message.severity === 'error',
        }),
      ),
    )
  }
  const parsed = parseDestinations(text, {
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

/** The problems of the partner entries in a config (for `pressroom check`). */
export async function checkPartners(file: string, baseUrl?: string): Promise<MessageData[]> {
  try {
    return (await loadPartnerSetup(file, stateFolder('out'), baseUrl)).messages
  } catch {
    return []
  }
}
