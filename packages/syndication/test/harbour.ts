/**
 * The syndication tests' article: Harbour Desk's publication config and a source with every
 * metadata field, a hero image, two figures, a footnote and a pull quote (images in
 * `fixtures/images/`). Test data of this package, not a helper: the shared helpers are in
 * `@pressroom/test-helpers`.
 */
import { fileURLToPath } from 'node:url'
import { type Article, type PublicationConfig, parseArticle } from '@pressroom/article'

/** The folder test articles live in (their images are in `fixtures/images/`). */
export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))

export const config: PublicationConfig = {
  publisher: { name: 'Harbour Desk', url: 'https://news.example.org/' },
  baseUrl: 'https://news.example.org/',
  language: 'en',
  timezone: '+03:00',
  rights: '© Harbour Desk',
  sections: {},
}

export const baseUrl = 'https://cdn.example.org/articles/harbour/'

/** A full article: every metadata field, a hero image, two figures, a footnote, a pull quote. */
export const fullSource = `---
title: The harbour wakes before dawn
subtitle: How Port Halvard's night shift keeps the city fed
authors:
  - name: Ada Lund
    bio: "Ada Lund covers *shipping* for [Harbour Desk](https://news.example.org/ada)."
    url: https://ada.example.org/
    twitter: adalund
    email: ada@example.org
  - name: Omar Said
published: 2024-03-01T05:30:00+01:00
updated: 2024-03-02T09:00:00+01:00
section: City
tags: [Harbour, Night shift, Logistics]
summary: At four in the morning the cranes are already moving.
canonical_url: https://news.example.org/articles/harbour-wakes
short_url: https://nx.example/h1
disclaimer: For syndication partners only.
image:
  src: images/hero image.png
  alt: Cranes against a pink sky
  caption: The container terminal at dawn.
  credit: Photo by Ada Lund
---

At four in the morning the cranes are already moving.[^1] The night shift has
unloaded 1,200 containers.

![A crane lifting a container](images/harbour.png "Crane 7 lifts the last box of the night.")

:::pullquote
The port never sleeps; it only changes shifts.
:::

Read the [port authority's report](https://port.example.org/report) for figures.

:::figure{credit="Harbour Desk"}
![The empty quay](images/missing.png)

The quay after the last ship left.
:::

[^1]: Port authority figures, February 2024.
`

export async function article(source: string, name = 'harbour.md'): Promise<Article> {
  return parseArticle(source, { path: fixtures + name, folder: fixtures, config })
}

export async function fullArticle(): Promise<Article> {
  return article(fullSource)
}

/** The smallest article: a title and one paragraph, no config. */
export async function minimalArticle(): Promise<Article> {
  return parseArticle('---\ntitle: Short\n---\n\nOne line.\n', {
    path: `${fixtures}short.md`,
    folder: fixtures,
  })
}
