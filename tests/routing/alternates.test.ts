/**
 * A page's versions in other languages (src/routing/alternates.ts) and the site model's week lookups
 * across languages, on the real sample content: alternates only where the same content exists,
 * the switcher's same-kind fallbacks, "in other languages" counts, and per-week untranslated lists.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { key, translationsOf, type AnalysisRecord, type SiteModel } from '../../src/lib/site-model.ts';
import { analysisLanguages, listingLanguages, otherLanguageCounts } from '../../src/routing/alternates.ts';
import { PAGE_SIZE, sitePaths } from '../../src/lib/site-paths.ts';
import { LANGUAGES, type Language } from '../../src/schemas/primitives.ts';
import { loadContent } from '../helpers/content-model.ts';

let model: SiteModel;
/** The sample site's paths (English at the root). */
const urls = sitePaths('en');

beforeAll(async () => {
  model = (await loadContent()).model;
});

/** A record of the sample content by id; fails when missing. */
function record(id: string): AnalysisRecord {
  const r = model.byId.get(id);
  if (!r) throw new Error(`no analysis ${id}`);
  return r;
}

describe('analysisLanguages', () => {
  it('makes a translated analysis and its translations alternates, with no fallbacks', () => {
    const r = record('ru/2022-08-29-minsk-bets-on-a-divided-west');
    const { alternates, fallbacks } = analysisLanguages(model.languages, model.paths, r, translationsOf(model, r));
    expect(alternates).toEqual([
      { lang: 'en', href: '/analyses/2022-08-29-minsk-bets-on-a-divided-west/' },
      { lang: 'be', href: '/be/analyses/2022-08-29-minsk-bets-on-a-divided-west/' },
      { lang: 'ru', href: '/ru/analyses/2022-08-29-minsk-bets-on-a-divided-west/' },
    ]);
    expect(fallbacks).toEqual({});
  });

  it('sends the switcher from an untranslated analysis to its topic in the other languages', () => {
    const r = record('en/2022-10-10-pardon-talk-opens-a-crack');
    const { alternates, fallbacks } = analysisLanguages(model.languages, model.paths, r, translationsOf(model, r));
    expect(alternates).toEqual([{ lang: 'en', href: r.url }]);
    expect(fallbacks).toEqual({ be: '/be/topics/society-political-parties/', ru: '/ru/topics/society-political-parties/' });
  });

  it('falls back to the archive for an analysis without a topic', () => {
    const r = record('en/2022-10-10-pardon-talk-opens-a-crack');
    const noTopic: AnalysisRecord = { ...r, data: { ...r.data, kind: 'opinion', topic: undefined } };
    expect(analysisLanguages(model.languages, model.paths, noTopic, []).fallbacks).toEqual({ be: '/be/archive/', ru: '/ru/archive/' });
  });
});

describe('listingLanguages', () => {
  const count = (counts: Partial<Record<Language, number>>) => (l: Language) => counts[l] ?? 0;
  const href = (l: Language, page: number) => urls.archive(l, page);

  it('has every language on page 1, empty listings included', () => {
    const { alternates, fallbacks } = listingLanguages(LANGUAGES, 1, count({ en: 24 }), href);
    expect(alternates.map((a) => a.href)).toEqual(['/archive/', '/be/archive/', '/ru/archive/']);
    expect(fallbacks).toEqual({});
  });

  it('keeps page N only where a language has N pages; the others switch to their first page', () => {
    const { alternates, fallbacks } = listingLanguages(LANGUAGES, 2, count({ en: PAGE_SIZE * 2, be: PAGE_SIZE + 1, ru: PAGE_SIZE }), href);
    expect(alternates).toEqual([
      { lang: 'en', href: '/archive/2/' },
      { lang: 'be', href: '/be/archive/2/' },
    ]);
    expect(fallbacks).toEqual({ ru: '/ru/archive/' });
  });

  it('lists for page N exactly the languages that build a page N (so page N of A lists B exactly when page N of B lists A)', () => {
    const c = count({ en: 61, be: 25, ru: 3 });
    const built = (l: Language) => Math.max(1, Math.ceil(c(l) / PAGE_SIZE));
    for (let page = 1; page <= 4; page += 1) {
      const { alternates, fallbacks } = listingLanguages(LANGUAGES, page, c, href);
      expect(alternates.map((a) => a.lang)).toEqual(LANGUAGES.filter((l) => built(l) >= page));
      expect(Object.keys(fallbacks)).toEqual(LANGUAGES.filter((l) => built(l) < page));
    }
  });
});

describe('otherLanguageCounts', () => {
  it('lists the other languages that have analyses, in site order, with their counts', () => {
    const c = (l: Language) => ({ en: 12, be: 0, ru: 3 })[l];
    expect(otherLanguageCounts(LANGUAGES, 'be', c, (l) => urls.topic(l, 'x'))).toEqual([
      { lang: 'en', href: '/topics/x/', count: 12 },
      { lang: 'ru', href: '/ru/topics/x/', count: 3 },
    ]);
    expect(otherLanguageCounts(LANGUAGES, 'en', c, (l) => urls.topic(l, 'x'))).toEqual([{ lang: 'ru', href: '/ru/topics/x/', count: 3 }]);
    expect(otherLanguageCounts(LANGUAGES, 'en', () => 0, (l) => urls.topic(l, 'x'))).toEqual([]);
  });
});

describe('the site model across languages', () => {
  it('lists every Monday covered in any language, newest first', () => {
    const expected = [...new Set([...model.byId.values()].flatMap((r) => (r.week ? [r.week] : [])))].sort().reverse();
    expect(model.allWeeks).toEqual(expected);
    for (const lang of LANGUAGES) for (const w of model.weeks.get(lang) ?? []) expect(model.allWeeks).toContain(w);
    expect(model.allWeeks.length).toBeGreaterThan((model.weeks.get('ru') ?? []).length);
  });

  it('lists per language and week the week\'s analyses with no version in that language, by language then topic', () => {
    for (const lang of LANGUAGES) {
      for (const w of model.allWeeks) {
        const list = model.weekElsewhere.get(key(lang, w)) ?? [];
        const expected = [...model.byId.values()].filter((r) => r.week === w && r.lang !== lang && !translationsOf(model, r).some((t) => t.lang === lang));
        expect(list.map((r) => r.id).sort(), `${lang} ${w}`).toEqual(expected.map((r) => r.id).sort());
        const langOrder = list.map((r) => model.languages.indexOf(r.lang));
        expect(langOrder).toEqual([...langOrder].sort((a, b) => a - b));
      }
    }
    // 29 August 2022: the West piece is in all three languages, the elite piece only in English.
    expect((model.weekElsewhere.get(key('be', '2022-08-29')) ?? []).map((r) => r.id)).toEqual(['en/2022-08-29-the-nomenklatura-waits-out-the-war']);
    expect(model.weekElsewhere.has(key('en', '2022-08-29'))).toBe(false);
  });
});
