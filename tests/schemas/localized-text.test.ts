import { describe, expect, it } from 'vitest';
import { localizedTextSchema } from '../../src/schemas/primitives.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { actorSchema, authorSchema, topicSchema } from '../../src/schemas/taxonomy.ts';

const VERDICTS = { worse: { en: 'w', be: 'w-be', ru: 'w-ru' }, unchanged: { en: 'u', be: 'u-be', ru: 'u-ru' }, better: { en: 'b', be: 'b-be', ru: 'b-ru' } };

describe('localized text is normalised at parse to one value per language', () => {
  it('gives a plain string to every language', () => {
    expect(localizedTextSchema.parse('NATO')).toEqual({ en: 'NATO', be: 'NATO', ru: 'NATO' });
  });

  it('fills a missing translation with the English', () => {
    expect(localizedTextSchema.parse({ en: 'Security', ru: 'Безопасность' })).toEqual({ en: 'Security', be: 'Security', ru: 'Безопасность' });
    expect(localizedTextSchema.parse({ en: 'Security', be: 'Бяспека' })).toEqual({ en: 'Security', be: 'Бяспека', ru: 'Security' });
  });

  it('keeps every written translation', () => {
    const full = { en: 'Belarus Barometer', be: 'Барометр Беларусі', ru: 'Барометр Беларуси' };
    expect(localizedTextSchema.parse(full)).toEqual(full);
  });

  it('gives the same value when parsed again (Astro re-parses what the loader stored)', () => {
    for (const written of ['Tagged', { en: 'Only English' }, { en: 'E', ru: 'Р' }]) {
      const once = localizedTextSchema.parse(written);
      expect(localizedTextSchema.parse(once)).toEqual(once);
    }
  });

  it('fills a missing language from the first one given, in the interface\'s order of languages', () => {
    expect(localizedTextSchema.parse({ ru: 'Безопасность' })).toEqual({ en: 'Безопасность', be: 'Безопасность', ru: 'Безопасность' });
    expect(localizedTextSchema.parse({ be: 'Бяспека', ru: 'Безопасность' })).toEqual({ en: 'Бяспека', be: 'Бяспека', ru: 'Безопасность' });
  });

  it('still rejects text in no language, with an unknown language, or empty', () => {
    expect(localizedTextSchema.safeParse({}).success).toBe(false);
    expect(localizedTextSchema.safeParse({ en: 'Security', de: 'Sicherheit' }).success).toBe(false);
    expect(localizedTextSchema.safeParse({ en: '' }).success).toBe(false);
    expect(localizedTextSchema.safeParse('').success).toBe(false);
  });

  it('normalises every localized field of the site, topics, actors and authors', () => {
    const site = siteSchema.parse({ title: 'Barometer', description: { en: 'About', be: 'Пра' }, publisher: { en: 'Desk', ru: 'Редакция' }, baseUrl: 'https://example.org', verdicts: VERDICTS });
    expect(site.title).toEqual({ en: 'Barometer', be: 'Barometer', ru: 'Barometer' });
    expect(site.description).toEqual({ en: 'About', be: 'Пра', ru: 'About' });
    expect(site.publisher).toEqual({ en: 'Desk', be: 'Desk', ru: 'Редакция' });

    const topic = topicSchema.parse({ name: 'Security', description: { en: 'Armed forces', ru: 'Армия' }, order: 1 });
    expect(topic.name.be).toBe('Security');
    expect(topic.description.be).toBe('Armed forces');
    expect(topic.description.ru).toBe('Армия');

    const actor = actorSchema.parse({ name: { en: 'NATO', ru: 'НАТО' }, kind: 'organisation', role: 'Military alliance' });
    expect(actor.name).toEqual({ en: 'NATO', be: 'NATO', ru: 'НАТО' });
    expect(actor.role).toEqual({ en: 'Military alliance', be: 'Military alliance', ru: 'Military alliance' });
    expect(actorSchema.parse({ name: 'Poland', kind: 'country' }).role).toBeUndefined();

    expect(authorSchema.parse({ name: 'Hanna Lis', bio: { en: 'Analyst', be: 'Аналітык' } }).bio).toEqual({ en: 'Analyst', be: 'Аналітык', ru: 'Analyst' });
  });
});
