/**
 * The embargo and kill rule for the public output folder: an article under
 * embargo (until `--now` reaches it) or canceled (`status: canceled`) is never
 * written into the public output. Its files go to `<out>/.held/<slug>/`
 * instead (for partners that opt in to embargoed copies), and what an earlier
 * build published of it is taken down.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { ArticleMeta } from '@pressroom/article'
import { heldReason as gateHeldReason } from '@pressroom/syndication'

/** The folder under the output folder that keeps held copies (not published). */
export const heldFolder = '.held'

/**
 * Why an article is kept out of the public output at `now` (default: the clock), or undefined if it
 * is not: the rule is syndication's publish gate (`heldReason`).
 */
export function heldReason(
  meta: Pick<ArticleMeta, 'status' | 'embargo'>,
  now: string | Date | undefined,
): 'embargoed' | 'canceled' | undefined {
  return gateHeldReason(meta, now === undefined ? Date.now() : new Date(now).getTime())
}

/**
 * The output folder for an article's files: `task.outDir`, or its held folder.
 * Removes the copy in the folder not chosen (the public one of an article now
 * held, the held one of an article now public).
 */
export async function placeOutputs<T extends { outDir: string; now: string }>(
  task: T,
  meta: Pick<ArticleMeta, 'status' | 'embargo' | 'slug'>,
): Promise<T> {
  if (!meta.slug || meta.slug.includes('/') || meta.slug.startsWith('.')) return task
  const held = heldReason(meta, task.now) !== undefined
  const heldDir = path.join(task.outDir, heldFolder)
  await rm(path.join(held ? task.outDir : heldDir, meta.slug), { recursive: true, force: true })
  return held ? { ...task, outDir: heldDir } : task
}
