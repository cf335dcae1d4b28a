export {
  type Destination,
  type DestinationMessage,
  destinationTypes,
  type FolderDestination,
  type HttpDestination,
  type ParseDestinationsOptions,
  parseDestinations,
  type RetrySettings,
  type SftpDestination,
  YamlPositions,
} from './lib/config.js'
export { parseRetryAfter, signBody } from './lib/destinations/http.js'
export { createSender } from './lib/destinations/index.js'
export type { Sender, Shipment } from './lib/destinations/types.js'
export { DeliveryError } from './lib/errors.js'
export { LockedError, lockState } from './lib/lock.js'
export {
  type ArticleVersion,
  type DeliveryFile,
  type DeliveryKind,
  DeliveryLog,
  type DeliveryRow,
  type DeliveryState,
  idempotencyKey,
  type OpenLogOptions,
} from './lib/log.js'
export {
  backoffDelay,
  type DeliverOptions,
  type DeliverSummary,
  type DeliveryEvent,
  deliverPending,
} from './lib/run.js'
