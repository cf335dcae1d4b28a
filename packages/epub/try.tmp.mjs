import { writeFileSync } from 'node:fs'
import { loadConfig, readArticle } from '@pressroom/article'
import { renderEpub } from '@pressroom/epub'

const { config } = await loadConfig('/work/main/content')
const a = await readArticle(`/work/main/content/al-marjan-electric-buses.md`, { config })
writeFileSync(`/tmp/epub-out/ar2.epub`, await renderEpub(a))
