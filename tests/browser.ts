/**
 * Real Chromium for the browser tests: Debian's `chromium`, driven by
 * puppeteer-core (no browser download), with a fresh profile per launch, and
 * axe-core injected from node_modules.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'

export const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) =>
  existsSync(file),
)

export async function launchChromium(): Promise<Browser> {
  if (!chromium) throw new Error('Chromium is not installed (apt-get install chromium)')
  const profile = mkdtempSync(path.join(tmpdir(), 'pressroom-chromium-'))
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // Root in a container: no sandbox; no network of its own in a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
    protocolTimeout: 120_000,
  })
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource)
  const result = (await page.evaluate(async () => {
    const axe = (window as any).axe
    const run = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return run.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }))
  })) as AxeViolation[]
  return result
}
