/** The home page's situation board (issues 13 and 25), on the sample content and on a one-topic desk. */
import { beforeAll, describe, expect, it } from 'vitest';
import { elapsed, leadAnalysis, situationBoard } from '../../src/lib/board.ts';
import { daysBetween } from '../../src/lib/dates.ts';
import { key, type AnalysisRecord, type SiteModel } from '../../src/lib/site-model.ts';
import { loadContent } from '../helpers/content-model.ts';

let model: SiteModel;
beforeAll(async () => {
  ({ model } = await loadContent());
});

describe('situationBoard', () => {
  it('gives every covered topic, in topic order, its newest verdict, how many weeks before the latest week it is, and a run ending on it', () => {
    const board = situationBoard(model, 'en', 4);
    const order = [...model.topics.keys()];
    expect(board.rows.map((r) => order.indexOf(r.topic))).toEqual([...board.rows.map((r) => order.indexOf(r.topic))].sort((a, b) => a - b));
    const latest = model.weeks.get('en')?.[0] ?? '';
    expect(board.latestWeek).toBe(latest);
    for (const row of board.rows) {
      const newest = (model.byTopic.get(key('en', row.topic)) ?? []).find((r) => r.data.kind === 'weekly');
      expect(row.latest.id).toBe(newest?.id);
      expect(row.weeksBefore).toBe(daysBetween(row.latest.week ?? '', latest) / 7);
      expect(row.run.length).toBeGreaterThan(0);
      expect(row.run.length).toBeLessThanOrEqual(4);
      const dates = row.run.map((r) => r.date);
      expect(dates).toEqual([...dates].sort());
      expect(row.run.at(-1)?.id).toBe(row.latest.id);
      for (const r of row.run) expect(r.data.trend).toBeDefined();
    }
    // The sample's latest week covers one topic: the others say how much earlier their verdict is.
    expect(board.rows.filter((r) => r.weeksBefore === 0).map((r) => r.topic)).toEqual((model.byWeek.get(key('en', latest)) ?? []).map((r) => r.data.topic));
    expect(board.rows.some((r) => r.weeksBefore > 0)).toBe(true);
  });

  it('makes the latest week\'s analysis the lead', () => {
    const board = situationBoard(model, 'en');
    expect(board.lead?.week).toBe(board.latestWeek);
  });

  it('reads well for a desk with one topic: one row, no empty topics', () => {
    const only = [...model.topics.keys()][0] ?? '';
    const one: SiteModel = { ...model, topics: new Map([[only, model.topics.get(only) ?? { name: only, description: '', order: 1 }]]) } as SiteModel;
    expect(situationBoard(one, 'en').rows.map((r) => r.topic)).toEqual([only]);
  });

  it('leaves out topics a language never covered', () => {
    for (const row of situationBoard(model, 'be').rows) expect((model.byTopic.get(key('be', row.topic)) ?? []).length).toBeGreaterThan(0);
  });
});

describe('leadAnalysis', () => {
  const r = (topic: string, trend: 'worse' | 'unchanged' | 'better') => ({ id: topic, data: { topic, trend } }) as unknown as AnalysisRecord;

  it('leads with the first verdict that moved, else the first analysis', () => {
    expect(leadAnalysis([r('a', 'unchanged'), r('b', 'worse'), r('c', 'better')])?.id).toBe('b');
    expect(leadAnalysis([r('a', 'unchanged'), r('b', 'unchanged')])?.id).toBe('a');
    expect(leadAnalysis([])).toBeUndefined();
  });
});

describe('elapsed', () => {
  it('counts weeks up to eight, then months, then years', () => {
    expect(elapsed(0)).toEqual({ unit: 'weeks', n: 0 });
    expect(elapsed(8)).toEqual({ unit: 'weeks', n: 8 });
    expect(elapsed(9)).toEqual({ unit: 'months', n: 2 });
    expect(elapsed(39)).toEqual({ unit: 'months', n: 9 });
    expect(elapsed(103)).toEqual({ unit: 'months', n: 24 });
    expect(elapsed(104)).toEqual({ unit: 'years', n: 1 });
    expect(elapsed(157)).toEqual({ unit: 'years', n: 3 });
  });
});
