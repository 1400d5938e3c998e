/**
 * The cover image on the built sample site: the one analysis with `cover.image` shows a <picture>
 * with AVIF and WebP sources at several widths, an <img> with alt, width and height, and the credit
 * under it, all served from the site; analyses whose cover has only a credit print no credit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content-reader/index.ts';
import { sitePaths } from '../../src/lib/site-paths.ts';
import { readContentTree } from '../helpers/content-tree.ts';
import { sampleDist } from '../helpers/shared-builds.ts';

let dist: string;
let report: ReturnType<typeof validateContent>;

beforeAll(async () => {
  dist = sampleDist();
  report = validateContent(await readContentTree('content'));
}, 600_000);

/** The built page of an analysis, as a DOM. */
function page(lang: string, slug: string): Document {
  return parseHTML(readFileSync(join(dist, sitePaths('en').prefix(lang as 'en'), 'analyses', slug, 'index.html'), 'utf8')).document;
}

/** The URLs and width descriptors of a srcset. */
function candidates(srcset: string | null): { url: string; width: number }[] {
  return (srcset ?? '').split(',').map((c) => {
    const [url = '', w = ''] = c.trim().split(/\s+/);
    return { url, width: Number(w.replace(/w$/, '')) };
  });
}

describe('cover images on the built site', () => {
  it('show a <picture> in AVIF and WebP at several widths, with alt, size and the credit under it', () => {
    const withImage = report.analyses.filter((a) => a.data.cover?.image !== undefined && !a.data.draft);
    expect(withImage.length).toBeGreaterThanOrEqual(1);
    for (const a of withImage) {
      const doc = page(a.lang, a.slug);
      const figure = doc.querySelector('article figure.cover');
      expect(figure, a.file).not.toBeNull();
      for (const type of ['image/avif', 'image/webp']) {
        const source = figure?.querySelector(`picture > source[type="${type}"]`);
        const list = candidates(source?.getAttribute('srcset') ?? null);
        expect(list.length, `${a.file} ${type}`).toBeGreaterThanOrEqual(3);
        for (const c of list) {
          expect(c.url).toMatch(new RegExp(`^/_astro/.+\\.${type.split('/')[1]}$`));
          expect(existsSync(join(dist, c.url)), c.url).toBe(true);
          expect(c.width).toBeGreaterThan(0);
        }
        expect(source?.getAttribute('sizes')).toBeTruthy();
      }
      const img = figure?.querySelector('picture > img');
      expect(img?.getAttribute('alt')).toBe(a.data.cover?.alt);
      expect(Number(img?.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img?.getAttribute('height'))).toBeGreaterThan(0);
      expect(existsSync(join(dist, img?.getAttribute('src') ?? 'missing'))).toBe(true);
      // The credit is the figure's caption, after the picture.
      const caption = figure?.querySelector('figcaption');
      expect(caption?.textContent?.trim()).toBe(a.data.cover?.credit);
      expect(figure?.lastElementChild).toBe(caption);
    }
  });

  it('print no credit on pages without an image, even when the cover has a credit', () => {
    const creditOnly = report.analyses.filter((a) => a.data.cover && a.data.cover.image === undefined && !a.data.draft);
    expect(creditOnly.length).toBeGreaterThanOrEqual(1);
    const without = report.analyses.filter((a) => !a.data.cover && !a.data.draft).slice(0, 3);
    for (const a of [...creditOnly, ...without]) {
      const doc = page(a.lang, a.slug);
      expect(doc.querySelector('.cover, .cover-credit, article picture'), a.file).toBeNull();
      if (a.data.cover) expect(doc.querySelector('article')?.textContent, a.file).not.toContain(a.data.cover.credit);
    }
  });
});
