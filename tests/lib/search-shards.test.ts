import { describe, expect, it } from 'vitest';
import { ERA_YEARS, eraOf, shardOf, shardOfPage } from '../../src/search/search-shards.ts';

describe('search shards', () => {
  it('put analyses in eras of ERA_YEARS years by the year their slug starts with', () => {
    expect(eraOf('2024-01-15-a')).toBe(2020);
    expect(eraOf('2020-01-06-a')).toBe(2020);
    expect(eraOf('2019-12-30-a')).toBe(2020 - ERA_YEARS);
    expect(eraOf('no-date-here')).toBeUndefined();
  });

  it('name a shard by language and era', () => {
    expect(shardOf('be', '2024-01-15-a')).toEqual({ name: 'be-2020', lang: 'be', era: 2020 });
    expect(shardOf('ru', 'opinion')).toEqual({ name: 'ru-undated', lang: 'ru', era: undefined });
  });

  it('read the shard of a built analysis page from its path, and no other page', () => {
    expect(shardOfPage('analyses/2024-01-15-a/index.html', 'en')?.name).toBe('en-2020');
    expect(shardOfPage('ru/analyses/2016-03-07-b/index.html', 'en')?.name).toBe('ru-2015');
    expect(shardOfPage('be\\analyses\\2024-01-15-a\\index.html', 'en')?.name).toBe('be-2020');
    expect(shardOfPage('analyses/index.html', 'en')).toBeUndefined();
    expect(shardOfPage('topics/elite/index.html', 'en')).toBeUndefined();
    expect(shardOfPage('de/analyses/2024-01-15-a/index.html', 'en')).toBeUndefined();
  });
});
