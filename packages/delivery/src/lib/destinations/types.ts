import type { DeliveryFile } from '../log.js'

/** One delivery as a destination sees it. */
export interface Shipment {
  articleId: string
  slug: string
  version: number
  partner: string
  /** Idempotency key: article id + version. */
  key: string
  /** Renditions first, the document last. */
  files: DeliveryFile[]
}

/** A connection to one partner's destination. */
export interface Sender {
  /** Send every file of the shipment; resolves with the HTTP status if any; throws `DeliveryError`. */
  send(shipment: Shipment): Promise<{ status?: number }>
  close(): Promise<void>
}
