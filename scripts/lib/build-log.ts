/**
 * Figures read from an `astro build` log for the benchmark: phases, pages rendered and reused,
 * email editions, the Pagefind phase. Astro colours its log when it thinks it runs in CI, so every
 * reader strips the colour codes first.
 */
import { stripVTControlCharacters } from 'node:util';
import { round } from './stats.ts';

/** The log without terminal colour codes. */
function plain(log: string): string {
  return stripVTControlCharacters(log);
}

/**
 * The email editions in a build log: Astro logs each generated file with its time
 * (`├─ /weeks/2024-10-07/email.html (+6ms)`); the count is of HTML editions, the time covers
 * both files of each edition.
 */
export function emailPhase(log: string): { editions: number; seconds: number } {
  let editions = 0;
  let ms = 0;
  for (const m of plain(log).matchAll(/\/email\.(html|txt) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    if (m[1] === 'html') editions += 1;
    ms += Number(m[2]) * (m[3] === 's' ? 1000 : 1);
  }
  return { editions, seconds: ms / 1000 };
}

/** Reads how long the search index took after the pages from the build log (logged by src/search/pagefind.ts). */
export function indexSeconds(log: string): number {
  const m = /pagefind\][^\n]*? (\d+) ms after the pages/.exec(plain(log));
  return m ? Number(m[1]) / 1000 : Number.NaN;
}

/** Wall seconds the index process took from the content's hand-over, while the pages were built (logged by src/search/pagefind.ts). */
export function indexOverlapSeconds(log: string): number {
  const m = /pagefind\][^\n]*? in ([\d.]+) s while the pages were built/.exec(plain(log));
  return m ? Number(m[1]) : Number.NaN;
}

/** Pagefind's own peak memory in MB, logged by src/search/pagefind.ts (Linux only). */
export function indexPeakMb(log: string): number {
  const m = /Pagefind peak (\d+) MB/.exec(plain(log));
  return m ? Number(m[1]) : Number.NaN;
}

/** CPU seconds of the Pagefind process, logged by src/search/pagefind.ts (Linux only). */
export function indexCpuS(log: string): number {
  const m = /Pagefind peak \d+ MB, CPU ([\d.]+) s/.exec(plain(log));
  return m ? Number(m[1]) : Number.NaN;
}

/** Seconds from Astro's duration text: `520ms`, `49.98s`, `1m 56s`. */
export function astroSeconds(text: string): number {
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:([\d.]+)ms)?$/.exec(text.trim());
  if (!m) return Number.NaN;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 1000;
}

/**
 * Phases of one build from Astro's log: the first "[build] ✓ Completed in" closes the set-up
 * with the content sync, "[vite] ✓ built in" the bundling, the untagged "✓ Completed in" the
 * pages, and the second tagged one bundling and generation together (so `prepare` is loading the
 * bundled content store and running getStaticPaths before the first page).
 */
export function phases(log: string): Phases {
  const text = plain(log);
  const tagged = [...text.matchAll(/\[build\] ✓ Completed in (.+?)\.?\s*$/gm)].map((m) => astroSeconds(m[1] ?? ''));
  const bundle = [...text.matchAll(/\[vite\] ✓ built in (.+?)\s*$/gm)].reduce((sum, m) => sum + astroSeconds(m[1] ?? ''), 0);
  const pages = astroSeconds(/^\d\d:\d\d:\d\d ✓ Completed in (.+?)\.?\s*$/m.exec(text)?.[1] ?? '');
  return {
    sync_s: round(tagged[0] ?? Number.NaN),
    bundle_s: round(bundle),
    prepare_s: round((tagged[1] ?? Number.NaN) - bundle - pages),
    pages_s: round(pages),
    index_s: round(indexSeconds(log)),
    index_overlap_s: round(indexOverlapSeconds(log)),
  };
}

/** Build phases in seconds (see `phases`). */
export interface Phases {
  sync_s: number;
  bundle_s: number;
  prepare_s: number;
  pages_s: number;
  /** The search index after the pages (what the build waits for), and its whole time from the content's hand-over (overlapping the pages). */
  index_s: number;
  index_overlap_s: number;
}

/** Pages a build log shows as rendered and as copied from the previous build (incremental build). */
export function pageCounts(log: string): { rendered: number; reused: number } {
  const lines = plain(log).split('\n').filter((l) => l.includes('├─'));
  const reused = lines.filter((l) => /\((?:cached|restored)\)/.test(l)).length;
  return { rendered: lines.length - reused, reused };
}
