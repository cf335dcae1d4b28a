/** `@pressroom/toolkit`'s `jsonForScript`, under this package's old name. */
export { jsonForScript as safeJsonForScript } from '@pressroom/toolkit'
export {
  deliveredDocument,
  partnerDocumentFile,
  partnerDocumentLinks,
  partnerDocumentPath,
  partnerDocumentTypes,
  partnerOfFile,
} from './lib/files.js'
export {
  type GateBlock,
  type GateCode,
  type GateMeta,
  type GateOptions,
  heldReason,
  mayPublish,
  publicationGate,
} from './lib/gate.js'
export {
  compareJsonFeedEntries,
  type JsonFeed,
  type JsonFeedEntry,
  type JsonFeedItem,
  type JsonFeedOptions,
  jsonFeedFromEntries,
  keepNewestEntries,
  toJsonFeed,
  toJsonFeedEntry,
} from './lib/json-feed.js'
export {
  type JsonLdOptions,
  type NewsArticleJsonLd,
  toJsonLd,
  toJsonLdScript,
} from './lib/json-ld.js'
export {
  type NinjsDocument,
  type NinjsField,
  type NinjsOptions,
  type NinjsText,
  ninjsFields,
  ninjsProfiles,
  type Rendition,
  type Revision,
  toNinjs,
} from './lib/ninjs.js'
export {
  type ParsePartnersOptions,
  type Partner,
  type PartnerDocument,
  type PartnerDocumentsOptions,
  type PartnerFormat,
  type PartnerMessage,
  type PartnerProfile,
  parsePartners,
  partnerDocuments,
  type SkippedPartner,
} from './lib/partners.js'
export type { Message, Report } from './lib/shared.js'
export {
  formatSchemaError,
  type NinjsVersion,
  type SchemaError,
  type SchemaName,
  SchemaValidationError,
  validateJsonFeed,
  validateNinjs,
} from './lib/validate.js'
