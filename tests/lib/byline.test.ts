/** One name for unsigned analyses everywhere (issue 25): the publisher in site.yaml, on pages' data, in feeds, emails and citations. */
import { beforeAll, describe, expect, it } from 'vitest';
import { feedContext, feedItem } from '../../src/feeds/feeds.ts';
import { buildEdition } from '../../src/email/email.ts';
import { apaText, bibtexCitation, chicagoText, citationFor } from '../../src/citation/citation.ts';
import { bylineNames } from '../../src/lib/names.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';

let content: LoadedContent;
beforeAll(async () => {
  content = await loadContent();
});

describe('the editorial byline', () => {
  it('is the publisher of site.yaml in feeds, emails and citations, in every language', () => {
    const { model } = content;
    const settings = model.context.settings;
    let checked = 0;
    for (const lang of model.languages) {
      const unsigned = (model.byLang.get(lang) ?? []).find((r) => r.data.authors.length === 0 && r.data.kind === 'weekly' && r.week);
      if (!unsigned?.week) continue;
      checked += 1;
      const name = settings.publisher[lang];
      expect(bylineNames(settings, model.context.authors, [], lang)).toEqual([name]);
      expect(feedItem(unsigned, feedContext(model.context, lang)).creators).toEqual([name]);
      const edition = buildEdition(model.context, lang, unsigned.week, [unsigned], []);
      expect(edition.topics[0]?.byline).toBe(name);
      const citation = citationFor(model.context, unsigned);
      expect(citation.publisher).toBe(name);
      expect(chicagoText(citation)).toContain(name);
      expect(apaText(citation)).toContain(name);
      expect(bibtexCitation(citation)).toContain(`{${name}}`);
    }
    expect(checked).toBe(model.languages.length);
  });
});
