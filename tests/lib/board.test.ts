/** The home page's situation board (issue 13), on the sample content and on a one-topic desk. */
import { beforeAll, describe, expect, it } from 'vitest';
import { situationBoard } from '../../src/lib/board.ts';
import { key, type SiteModel } from '../../src/lib/site-model.ts';
import { loadContent } from '../helpers/content-model.ts';

let model: SiteModel;
beforeAll(async () => {
  ({ model } = await loadContent());
});

describe('situationBoard', () => {
  it('has a row per covered topic, in topic order, with the latest week and a run ending on the newest verdict', () => {
    const rows = situationBoard(model, 'en', 4);
    const order = [...model.topics.keys()];
    expect(rows.map((r) => order.indexOf(r.topic))).toEqual([...rows.map((r) => order.indexOf(r.topic))].sort((a, b) => a - b));
    const latest = model.weeks.get('en')?.[0] ?? '';
    const covered = (model.byWeek.get(key('en', latest)) ?? []).map((r) => r.data.topic);
    for (const row of rows) {
      expect(row.current?.data.topic).toBe(covered.includes(row.topic) ? row.topic : undefined);
      expect(row.run.length).toBeGreaterThan(0);
      expect(row.run.length).toBeLessThanOrEqual(4);
      const dates = row.run.map((r) => r.date);
      expect(dates).toEqual([...dates].sort());
      const newest = (model.byTopic.get(key('en', row.topic)) ?? []).find((r) => r.data.kind === 'weekly');
      expect(row.run.at(-1)?.id).toBe(newest?.id);
      for (const r of row.run) expect(r.data.trend).toBeDefined();
    }
  });

  it('reads well for a desk with one topic: one row, no empty topics', () => {
    const only = [...model.topics.keys()][0] ?? '';
    const one: SiteModel = { ...model, topics: new Map([[only, model.topics.get(only) ?? { name: only, description: '', order: 1 }]]) } as SiteModel;
    const rows = situationBoard(one, 'en');
    expect(rows.map((r) => r.topic)).toEqual([only]);
  });

  it('leaves out topics a language never covered', () => {
    for (const row of situationBoard(model, 'be')) expect((model.byTopic.get(key('be', row.topic)) ?? []).length).toBeGreaterThan(0);
  });
});
