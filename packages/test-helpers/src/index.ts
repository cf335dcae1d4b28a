export {
  articleFromMarkdown,
  articleFromTree,
  type BuildOptions,
  contentArticle,
  contentConfiguration,
  contentMarkdown,
  correctedSource,
  okImage,
  parsed,
} from './articles.js'
export { epubcheckTs, javaEpubcheck, unzip } from './epub.js'
export { bin, contentDir, contentNames, contentPath, root } from './paths.js'
export { normalise, pdfLinks, pdfStructureTree, pdfText } from './pdf.js'
export { output, pressroom, type Run, temp, toFile, tool } from './process.js'
export { type ToXhtml, xhtmlHarness } from './xhtml.js'
export { EPUB_NS, findAll, parseXml, wellFormed, XHTML_NS, type XmlElement } from './xml.js'
