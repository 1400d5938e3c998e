/**
 * The benchmark's reading of `astro build` logs (scripts/lib/build-log.ts), plain and coloured:
 * Astro colours its log under CI=true, and the email count read 0 there while it wrote editions.
 */
import { describe, expect, it } from 'vitest';
import { astroSeconds, emailPhase, indexCpuS, indexPeakMb, pageCounts, phases } from '../../scripts/lib/build-log.ts';

/** A build log in Astro's layout (a cold build of a small site), with its lines as written. */
const LINES = [
  '13:16:06 [content] Syncing content',
  '13:16:08 [build] ✓ Completed in 1.99s.',
  '13:16:09 [vite] ✓ built in 756ms',
  '13:16:09 [vite] ✓ built in 145ms',
  '13:16:09   ├─ /weeks/2024-10-07/email.html (+24ms)',
  '13:16:09   ├─ /weeks/2024-10-07/email.txt (+2ms)',
  '13:16:09   ├─ /weeks/2024-08-26/email.html (+1.5s)',
  '13:16:09   ├─ /analyses/a/index.html (+3ms) (cached)',
  '13:16:09   ├─ /analyses/b/index.html (+4ms)',
  '13:16:12 ✓ Completed in 3.05s.',
  '13:16:12 [build] ✓ Completed in 4.00s.',
  '13:16:13 [barometer:pagefind] indexed en 67 analyses from the content in 4.6 s while the pages were built, 1373 ms after the pages; index 1875 KB (bundle 2301 KB); Pagefind peak 71 MB, CPU 2.4 s; records CPU 0.3 s; shards: 1 indexed, 0 reused from the cache',
];

/** The same log as Astro colours it: dim times, blue tags, green ticks, dim paths and timings. */
function coloured(line: string): string {
  return line
    .replace(/^(\d\d:\d\d:\d\d)/, '\u001b[2m$1\u001b[22m')
    .replace(/(\[[a-z:]+\])/, '\u001b[34m$1\u001b[39m')
    .replace(/(✓ .*)$/, '\u001b[32m$1\u001b[39m')
    .replace(/├─ (\S+) (\(\+[^)]+\))/, '\u001b[34m├─\u001b[39m \u001b[2m$1\u001b[22m \u001b[2m$2\u001b[22m');
}

describe.each([
  ['plain', LINES.join('\n')],
  ['coloured', LINES.map(coloured).join('\n')],
])('a %s build log', (_kind, log) => {
  it('gives the phases: sync, bundling, preparing, pages, the index after the pages and its whole time', () => {
    expect(phases(log)).toEqual({ sync_s: 1.99, bundle_s: 0.9, prepare_s: 0.05, pages_s: 3.05, index_s: 1.37, index_overlap_s: 4.6 });
  });

  it('counts email editions by their HTML file and sums both files\' time', () => {
    expect(emailPhase(log)).toEqual({ editions: 2, seconds: 1.526 });
  });

  it('tells rendered pages from pages copied from the previous build', () => {
    expect(pageCounts(log)).toEqual({ rendered: 4, reused: 1 });
  });

  it('reads Pagefind\'s own peak memory and CPU time', () => {
    expect(indexPeakMb(log)).toBe(71);
    expect(indexCpuS(log)).toBe(2.4);
  });
});

describe('astroSeconds', () => {
  it.each([
    ['520ms', 0.52],
    ['49.98s', 49.98],
    ['1m 56s', 116],
    ['soon', Number.NaN],
  ])('reads %s as %f s', (text, seconds) => {
    expect(astroSeconds(text)).toBe(seconds);
  });
});
