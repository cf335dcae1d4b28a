/**
 * A linear pre-scan for inputs that make the Markdown parser (micromark) super-linear: tens of
 * thousands of emphasis or link markers in one paragraph (its delimiter matching compares each closer
 * with every opener before it: minutes at full CPU for cmark's pathological inputs), or block quotes
 * and lists nested hundreds deep. No real article comes near the limits; a generated or hostile one
 * gets a clear error instead of a hung build.
 */

/** Emphasis, link, code and HTML markers allowed in one paragraph (block of non-blank lines). */
export const maxMarkersPerParagraph = 5000
/** Nesting depth of block quotes (`> > >`) and of list indentation, in levels. */
export const maxNesting = 100

export interface TooComplex {
  reason: string
  line: number
  column: number
}

const markers = /[*_[\]`<]/g
const fence = /^ {0,3}(`{3,}|~{3,})/

/** The first place where `text` exceeds a limit, or undefined. Skips fenced code blocks. */
export function findTooComplex(text: string): TooComplex | undefined {
  const lines = text.split('\n')
  let paragraphStart = 0
  let count = 0
  let inFence: string | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const opened = fence.exec(line)
    if (inFence !== undefined) {
      if (opened && opened[1][0] === inFence[0] && opened[1].length >= inFence.length)
        inFence = undefined
      continue
    }
    if (opened) {
      inFence = opened[1]
      count = 0
      continue
    }
    if (line.trim() === '') {
      count = 0
      paragraphStart = index + 1
      continue
    }
    // Block quote depth: the `>` that open the line.
    const quotes = /^(?:[ \t]*>)+/.exec(line)?.[0].split('>').length ?? 1
    if (quotes - 1 > maxNesting)
      return {
        line: index + 1,
        column: 1,
        reason: `Block quotes nested ${quotes - 1} deep (\`> > > ...\`): more than ${maxNesting} levels cannot be laid out in any format; flatten the quote`,
      }
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0
    if (indent > maxNesting * 2 && /^[ \t]*([*+-]|\d+[.)])[ \t]/.test(line))
      return {
        line: index + 1,
        column: 1,
        reason: `A list nested more than ${maxNesting} levels deep: flatten it`,
      }
    count += line.match(markers)?.length ?? 0
    if (count > maxMarkersPerParagraph)
      return {
        line: paragraphStart + 1,
        column: 1,
        reason: `This paragraph has more than ${maxMarkersPerParagraph} emphasis, link or code markers (\`*\`, \`_\`, \`[\`, \`]\`, backticks, \`<\`): more than the Markdown parser can match in reasonable time; split the paragraph, or escape the markers that are meant literally (\`\\*\`)`,
      }
  }
  return undefined
}
