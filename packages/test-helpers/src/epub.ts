import { EpubCheck } from '@likecoin/epubcheck-ts'
import JSZip from 'jszip'

/** Every entry of an EPUB (or any zip): its names, and each entry as text or bytes. */
export async function unzip(bytes: Uint8Array): Promise<{
  names: string[]
  text: (name: string) => Promise<string>
  bytes: (name: string) => Promise<Uint8Array>
  zip: JSZip
}> {
  const zip = await JSZip.loadAsync(bytes)
  return {
    zip,
    names: Object.keys(zip.files),
    text: async (name) => {
      const file = zip.file(name)
      if (!file) throw new Error(`no ${name} in the EPUB`)
      return file.async('string')
    },
    bytes: async (name) => {
      const file = zip.file(name)
      if (!file) throw new Error(`no ${name} in the EPUB`)
      return file.async('uint8array')
    },
  }
}

/** The fast validator (TypeScript port of EPUBCheck): errors and warnings as `ID: message` lines. */
export async function epubcheckTs(bytes: Uint8Array): Promise<string[]> {
  const result = await EpubCheck.validate(bytes)
  return result.messages
    .filter(
      (message) =>
        message.severity === 'error' ||
        message.severity === 'fatal' ||
        message.severity === 'warning',
    )
    .map(
      (message) =>
        `${message.id}: ${message.message} (${message.location?.path ?? ''}:${message.location?.line ?? ''})`,
    )
}

/** Where Debian's Java EPUBCheck is installed. */
export const javaEpubcheck = '/usr/share/java/epubcheck.jar'
