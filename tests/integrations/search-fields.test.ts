import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { findingWords, indexFields, searchLabels } from '../../src/search/search-fields.ts';
import type { AnalysisRecord, SiteModel } from '../../src/lib/site-model.ts';
import { loadContent } from '../helpers/content-model.ts';

let model: SiteModel;

beforeAll(async () => {
  ({ model } = await loadContent());
});

/** A record of the sample corpus by id. */
function record(id: string): AnalysisRecord {
  const r = model.byId.get(id);
  if (!r) throw new Error(`no analysis ${id}`);
  return r;
}

describe('findingWords', () => {
  it('holds every spelling of every actor of the analysis, each word once', () => {
    const r = record('en/2024-01-15-insurance-for-the-ruler');
    const words = findingWords(model, r).split(/[\s·]+/);
    for (const alias of ['Lukashenko', 'Лукашенко', 'Лукашэнка', 'Łukaszenka', 'Lukashenka']) expect(words).toContain(alias);
    const lower = words.map((w) => w.toLocaleLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('leaves out short lowercase function words but keeps acronyms', () => {
    const r = record('en/2022-08-29-minsk-bets-on-a-divided-west');
    const words = findingWords(model, r).split(/[\s·]+/);
    for (const w of ['of', 'for', 'in', 'по', 'и', 'па', 'і']) expect(words).not.toContain(w);
    for (const w of ['EU', 'ЕС', 'США', 'NATO']) expect(words).toContain(w);
  });

  it('names the topic in every language', () => {
    const words = findingWords(model, record('en/2022-08-29-minsk-bets-on-a-divided-west'));
    expect(words).toContain('Belarus-West');
    expect(words).toContain('Запада');
  });
});

describe('indexFields', () => {
  it('gives ids as filters and the analysis language\'s labels as meta', () => {
    const r = record('ru/2022-08-29-minsk-bets-on-a-divided-west');
    const { filters, meta, sort } = indexFields(model, r, t('ru'));
    expect(filters).toContainEqual(['topic', 'belarus-west-relations']);
    expect(filters).toContainEqual(['trend', 'worse']);
    expect(filters).toContainEqual(['actor', 'lukashenka']);
    expect(filters).toContainEqual(['kind', 'weekly']);
    expect(filters).toContainEqual(['year', '2022']);
    expect(filters).toContainEqual(['language', 'ru']);
    const m = Object.fromEntries(meta);
    // The verdict label is not searchable meta: the page has it from the `trend` filter.
    expect(m['verdict']).toBeUndefined();
    expect(m['names']).toContain('Лукашенко');
    expect(m['topic']).toBe('Отношения Беларуси и Запада');
    expect(m['period']).toMatch(/29 августа\s*–\s*4 сентября 2022/);
    expect(m['date']).toBe('2022-08-29');
    expect(sort).toEqual([['date', '2022-08-29']]);
  });

  it('gives every analysis of the corpus a date, a language and a kind', () => {
    for (const r of model.byId.values()) {
      const names = indexFields(model, r, t(r.lang)).filters.map(([n]) => n);
      for (const n of ['kind', 'year', 'language'] as const) expect(names, r.id).toContain(n);
    }
  });
});

describe('searchLabels', () => {
  it('labels every id the index can hold, in the page language', () => {
    const labels = searchLabels(model, 'be', t('be'), { en: 'English', be: 'Беларуская', ru: 'Русский' });
    expect(labels.groups.trend).toBe(t('be').search.groups.trend);
    expect(labels.values.trend).toEqual([
      ['worse', 'Сітуацыя пагоршылася'],
      ['unchanged', 'Сітуацыя не змянілася'],
      ['better', 'Сітуацыя палепшылася'],
    ]);
    expect(labels.values.topic.map(([id]) => id)).toEqual([...model.topics.keys()]);
    expect(labels.values.actor.map(([id]) => id).sort()).toEqual([...model.actors.keys()].sort());
    const actorNames = labels.values.actor.map(([, name]) => name);
    expect(actorNames).toEqual([...actorNames].sort(new Intl.Collator('be').compare));
    for (const r of model.byId.values()) {
      for (const [filter, id] of indexFields(model, r, t(r.lang)).filters) {
        if (filter !== 'year') expect(labels.values[filter].map(([v]) => v), `${filter}:${id}`).toContain(id);
      }
    }
  });
});
