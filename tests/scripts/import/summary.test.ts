/** Summaries: the first one to three sentences of the first paragraph, within 600 characters. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSummary } from '../../../scripts/import/summary.ts';
import { sentences } from '../../../src/lib/sentences.ts';

describe('deriveSummary', () => {
  it('takes up to three sentences as printed, without footnote markers', () => {
    expect(deriveSummary('One.[1] Two is here. Three too! Four is left out.')).toEqual({ summary: 'One. Two is here. Three too!', shortened: false });
  });

  it('takes fewer sentences when three would pass 600 characters', () => {
    // Capitalised: ICU does not end a sentence before a lowercase word.
    const long = `Word ${'word '.repeat(99).trim()}.`;
    expect(deriveSummary(`Short one. ${long} ${long}`)?.summary).toBe(`Short one. ${long}`);
  });

  it('cuts a single sentence over 600 characters at a word and says so', () => {
    const out = deriveSummary(`${'word '.repeat(200).trim()}.`);
    expect(out?.shortened).toBe(true);
    expect(out?.summary.length).toBeLessThanOrEqual(600);
    expect(out?.summary.endsWith('…')).toBe(true);
  });

  it('always gives at most 3 sentences and 600 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z ,]{1,200}[.!?]$/), { minLength: 1, maxLength: 8 }), (parts) => {
        const out = deriveSummary(parts.join(' '));
        return out === undefined || (out.summary.length <= 600 && sentences(out.summary).length <= 3);
      }),
      { numRuns: 200 },
    );
  });
});
