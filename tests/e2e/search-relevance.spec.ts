/**
 * The relevance set (tests/search/relevance-set.ts) against the site under test: the sample site,
 * or the generated corpus E2E_CONTENT names (served from E2E_DIST). Precision at 5 must be at
 * least 0.9, no absent-word query may return anything, and every analysis that must be among
 * the first five is, and none that must not. The table goes to the test's attachments.
 */
import { formatReport, runRelevance } from '../search/relevance.ts';
import { readCorpus, relevanceSet } from '../search/relevance-set.ts';
import { CONTENT_ROOT } from './content';
import { expect, test } from './fixtures';

test('the relevance set: precision at 5 >= 0.9, no absent word finds anything', async ({ page }, info) => {
  test.setTimeout(300_000);
  const set = relevanceSet(readCorpus(CONTENT_ROOT));
  expect(set.length, 'the set has queries for this corpus').toBeGreaterThanOrEqual(20);
  const report = await runRelevance(page, set);
  await info.attach('relevance.md', { body: formatReport(report), contentType: 'text/markdown' });
  expect(report.absentHits.map((s) => `${s.query.lang} “${s.query.q}”: ${s.observed.total}`), 'absent words that found something').toEqual([]);
  const misses = report.queries.flatMap((s) => [...s.missing.map((u) => `${s.query.q}: ${u} not in the first five`), ...s.intruders.map((u) => `${s.query.q}: ${u} in the first five`)]);
  expect(misses).toEqual([]);
  expect(report.precisionAt5, formatReport(report)).toBeGreaterThanOrEqual(0.9);
});
