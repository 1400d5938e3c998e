/**
 * The search index built from the content (src/search/search-records.ts) holds, for every
 * analysis page, what Pagefind stored when it read the built page's HTML (tests/search/
 * html-index.ts): the same text word for word (so the same excerpts, word positions and weights),
 * the same word count, filters and meta. The one deliberate difference: no `image` meta (the
 * cover's URL), see search-records.ts. Checked on the sample site (covers, sources linked from
 * footnotes, all three languages) and the fixture site.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, sampleDist } from '../helpers/shared-builds.ts';
import { buildHtmlIndex, readFragments, type Fragment } from '../search/html-index.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-search-records-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fragment without what only the HTML reading has: the cover URL and heading anchors. */
function comparable(fragment: Fragment): Omit<Fragment, 'url'> {
  const { image: _image, ...meta } = fragment.meta;
  return { content: fragment.content, word_count: fragment.word_count, filters: fragment.filters, meta };
}

/** Compares the site's index with one Pagefind builds from the site's pages. */
async function compare(dist: string, name: string): Promise<number> {
  await buildHtmlIndex(dist, 'en', join(dir, name), join(dir, name, 'site'));
  const [fromHtml, fromContent] = await Promise.all([readFragments(join(dir, name, 'site', 'pagefind')), readFragments(join(dist, 'pagefind'))]);
  expect([...fromContent.keys()].sort()).toEqual([...fromHtml.keys()].sort());
  for (const [url, fragment] of fromHtml) expect(comparable(fromContent.get(url) ?? fragment), url).toEqual(comparable(fragment));
  return fromHtml.size;
}

describe('the search index from the content', () => {
  it('holds what Pagefind read from each analysis page of the sample site', async () => {
    expect(await compare(sampleDist(), 'sample')).toBeGreaterThanOrEqual(25);
  });

  it('holds what Pagefind read from each analysis page of the fixture site', async () => {
    expect(await compare(join(fixtureSite(), 'dist'), 'fixture')).toBeGreaterThanOrEqual(20);
  });
});
