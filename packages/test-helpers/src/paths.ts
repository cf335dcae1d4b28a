import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** The built `pressroom` command (`apps/cli/bin/pressroom.js`). */
export const bin = path.join(root, 'apps/cli/bin/pressroom.js')

/** The sample publication: `content/`, with its `pressroom.yaml` and images. */
export const contentDir = path.join(root, 'content')

/** The articles in `content/`, by name (their file name without `.md`). */
export const contentNames = [
  'pakistan-restores-deterrence',
  'seawater-to-tap-water',
  'al-marjan-electric-buses',
  'halvard-council-vote-embargoed',
] as const

/** The path of an article in `content/`, by name (`seawater-to-tap-water`). */
export function contentPath(name: string): string {
  return path.join(contentDir, `${name}.md`)
}
