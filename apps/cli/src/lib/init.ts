import { access, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from './errors.js'

// A 2x2 PNG (grey), so the example figure resolves without a download.
const examplePng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGOYMWMGAwMDAxAzMDAwAAASAAKBnFIdswAAAABJRU5ErkJggg==',
  'base64',
)

const config = `# Publication-wide defaults: every article in this folder inherits them.
publisher:
  name: Example Daily
  url: https://example.org/
base_url: https://example.org/
language: en
timezone: "+00:00"
rights: © Example Daily. All rights reserved.
`

const article = `---
title: An example article that uses every feature
subtitle: Delete it, or copy it as the start of your own
authors:
  - name: Alex Writer
    bio: Alex writes *examples* for [Example Daily](https://example.org/).
    twitter: example
published: 2024-01-19T10:30:00+00:00
section: News
tags: [example, pressroom]
summary: What an article can hold, in one file.
image:
  src: images/example.png
  alt: A grey square
  caption: The hero image, with a caption
  credit: "Photo: Example Daily"
---

The first paragraph. "Straight quotes" become curly, -- becomes a dash and ... an ellipsis.[^1]

## A heading

- A list item with a [link](https://example.org/)
- Another, with **strong** and *emphasis*

1. A numbered list
2. With two items

| Column | Number |
| :----- | -----: |
| One    |      1 |
| Two    |      2 |

:::pullquote{cite="Alex Writer"}
A pull quote, set apart from the text.
:::

:::aside[A sidebar]
An aside holds context beside the main text.
:::

![A grey square](images/example.png "A figure: an image alone in its paragraph, with a title as the caption")

> A block quote.

A phrase in French: :span[à bientôt]{lang=fr}.

[^1]: A footnote.
`

/** Create a content folder with the publication config and an example article. */
export async function init(folder: string): Promise<string[]> {
  const files: Array<[string, string | Buffer]> = [
    ['pressroom.yaml', config],
    ['example.md', article],
    [path.join('images', 'example.png'), examplePng],
  ]
  for (const [name] of files) {
    const target = path.join(folder, name)
    const exists = await access(target).then(
      () => true,
      () => false,
    )
    if (exists)
      throw new UsageError(`\`${target}\` already exists; pressroom init does not overwrite files`)
  }
  await mkdir(path.join(folder, 'images'), { recursive: true })
  for (const [name, data] of files) await writeFile(path.join(folder, name), data)
  return files.map(([name]) => path.join(folder, name))
}
