/**
 * The publish gate: whether an article may go out at a given moment — to the public (a feed, a
 * site's index, a page search engines may index) or to one partner — and if not, every reason why.
 * The one place these rules live: `partnerDocuments`, and the CLI's formats, held folder and
 * `pressroom publish`, all ask here.
 */
import type { ArticleMeta } from '@pressroom/article'
import type { Partner } from './partners.js'
import { epochMs } from './shared.js'

/** Why an article may not go out: a draft, withheld, canceled, or under embargo. */
export type GateCode = 'draft' | 'withheld' | 'canceled' | 'embargoed'

/** One reason an article may not go out now. */
export interface GateBlock {
  code: GateCode
  /** The reason in words (for a partner, as `pressroom publish` prints it). */
  reason: string
}

export interface GateOptions {
  /** The moment embargoes are measured against (`Date` or epoch ms). Required: the package never reads the clock. */
  now: Date | number
  /**
   * The partner asked about: its opt-ins (`withheld`, `canceled`, `embargoed`, ninjs only) let
   * through what the public never gets. Default: none, the public (a feed, a site's index).
   */
  partner?: Pick<Partner, 'format' | 'withheld' | 'canceled' | 'embargoed'>
  /**
   * With `partner`: whether the partner received an earlier version of the article (from a
   * delivery log). A canceled article then goes, as a kill, to exactly the ninjs partners that
   * received it, whatever their `canceled` setting. Default: unknown (the `canceled` setting decides).
   */
  received?: boolean
}

/** The article fields the gate reads. */
export type GateMeta = Pick<ArticleMeta, 'status' | 'embargo' | 'draft'>

/**
 * Every reason `meta`'s article may not go out at `options.now` (to the public, or to
 * `options.partner`), in this order: draft, withheld, canceled, embargoed. Empty: it may.
 * Never throws for a valid `now`.
 */
export function publicationGate(meta: GateMeta, options: GateOptions): GateBlock[] {
  const now = epochMs(options.now)
  if (!Number.isFinite(now))
    throw new TypeError('publicationGate: `now` must be a valid Date or epoch milliseconds')
  const { partner } = options
  const ninjs = partner?.format === 'ninjs'
  const blocks: GateBlock[] = []
  if (meta.draft) blocks.push({ code: 'draft', reason: 'the article is a draft (`draft: true`)' })
  if (meta.status === 'withheld' && !(ninjs && partner?.withheld))
    blocks.push({
      code: 'withheld',
      reason: partner
        ? 'the article is withheld and the partner does not take withheld articles'
        : 'the article is withheld',
    })
  if (meta.status === 'canceled') {
    const block = canceledBlock(partner, options.received)
    if (block) blocks.push(block)
  }
  if (meta.embargo && now < meta.embargo.epochMs && !(ninjs && partner?.embargoed))
    blocks.push({
      code: 'embargoed',
      reason: `the article is embargoed until ${meta.embargo.dateTime}`,
    })
  return blocks
}

function canceledBlock(
  partner: GateOptions['partner'],
  received: boolean | undefined,
): GateBlock | undefined {
  const code = 'canceled'
  if (!partner) return { code, reason: 'the article is canceled' }
  const ninjs = partner.format === 'ninjs'
  if (received === undefined)
    return ninjs && partner.canceled
      ? undefined
      : { code, reason: 'the article is canceled and the partner does not take cancellations' }
  if (!received)
    return { code, reason: 'canceled, and the partner never received it: nothing to cancel' }
  return ninjs
    ? undefined
    : { code, reason: `canceled: a kill cannot be sent as ${partner.format}; tell the partner` }
}

/** True when the article may go out at `options.now` (to the public, or to `options.partner`). */
export function mayPublish(meta: GateMeta, options: GateOptions): boolean {
  return publicationGate(meta, options).length === 0
}

/**
 * Why the article must stay out of public files at `now` (its copies kept apart, for partners that
 * opt in): `canceled`, `embargoed`, or undefined when it may be public. A withheld article or a
 * draft is not held: it is simply left out of feeds and indexes (`mayPublish`).
 */
export function heldReason(
  meta: GateMeta,
  now: Date | number,
): 'canceled' | 'embargoed' | undefined {
  for (const block of publicationGate(meta, { now }))
    if (block.code === 'canceled' || block.code === 'embargoed') return block.code
  return undefined
}
