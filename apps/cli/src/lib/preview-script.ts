/**
 * The preview pages' script (served as `/preview.js`): reload after a
 * rebuild (server-sent events, keeping the scroll positions), draw the PDF's
 * pages with pdf.js, and read the EPUB with epub.js, both from the built files.
 */
export const previewScript = `
const version = Number(document.body.dataset.version)
const key = 'pressroom-preview-scroll:' + location.pathname

// Where the reader was before the reload.
try {
  const saved = JSON.parse(sessionStorage.getItem(key) || 'null')
  if (saved && !location.hash) {
    window.scrollTo(0, saved.window)
    document.querySelectorAll('.pane > .body').forEach((element, index) => {
      element.scrollTop = saved.panes[index] || 0
    })
  }
} catch {}

function reload() {
  try {
    const panes = [...document.querySelectorAll('.pane > .body')].map((element) => element.scrollTop)
    sessionStorage.setItem(key, JSON.stringify({ window: window.scrollY, panes }))
  } catch {}
  location.reload()
}

const events = new EventSource('/events')
events.addEventListener('build', (event) => {
  const data = JSON.parse(event.data)
  if (data.version !== version) reload()
})

async function drawPdf(box) {
  const pdfjs = await import('/vendor/pdf.min.mjs')
  pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdf.worker.min.mjs'
  const pdf = await pdfjs.getDocument({ url: box.dataset.src, isEvalSupported: false }).promise
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const viewport = page.getViewport({ scale: 1.5 })
    const canvas = document.createElement('canvas')
    canvas.width = Math.floor(viewport.width)
    canvas.height = Math.floor(viewport.height)
    canvas.setAttribute('role', 'img')
    canvas.setAttribute('aria-label', 'PDF page ' + number + ' of ' + pdf.numPages)
    // The page's text as the canvas's fallback content: searchable, and read by screen readers.
    const text = await page.getTextContent()
    canvas.textContent = text.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join('')
    box.append(canvas)
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise
  }
  box.dataset.pages = String(pdf.numPages)
}

async function readEpub(box) {
  // epub.js probes right-to-left scrolling with scrollIntoView on a probe element, which scrolls this
  // page too: put the page back where it was once the book is shown.
  const keep = [window.scrollX, window.scrollY]
  const book = window.ePub(box.dataset.src, { openAs: 'epub' })
  const rendition = book.renderTo(box, {
    width: '100%',
    height: '100%',
    flow: 'scrolled-doc',
    allowScriptedContent: false,
  })
  await book.ready
  // Open at the first chapter (the body), not the cover.
  const items = book.spine.spineItems
  const chapter = items.find((item) => /(^|\\/)text\\.xhtml$/.test(item.href)) || items[0]
  // The reader's frame gets a name, and its scrolling container the keyboard.
  rendition.on('rendered', () => {
    for (const frame of box.querySelectorAll('iframe')) frame.title = 'EPUB reader page'
    for (const container of box.querySelectorAll('.epub-container')) container.tabIndex = 0
  })
  await rendition.display(chapter.href)
  for (const frame of box.querySelectorAll('iframe')) frame.title = 'EPUB reader page'
  for (const container of box.querySelectorAll('.epub-container')) container.tabIndex = 0
  window.scrollTo(keep[0], keep[1])
  box.dataset.chapter = chapter.href
  document.getElementById('epub-prev')?.addEventListener('click', () => rendition.prev())
  document.getElementById('epub-next')?.addEventListener('click', () => rendition.next())
}

function failed(box, what, error) {
  const p = document.createElement('p')
  p.className = 'error'
  p.textContent = 'Could not show the ' + what + ': ' + (error && error.message ? error.message : error)
  box.replaceChildren(p)
}

const pdfBox = document.getElementById('pdf-pages')
if (pdfBox) drawPdf(pdfBox).catch((error) => failed(pdfBox, 'PDF', error))
const epubBox = document.getElementById('epub-view')
if (epubBox) readEpub(epubBox).catch((error) => failed(epubBox, 'EPUB', error))
`
