/**
 * Scheduled pieces: an analysis whose `published` date is more than a day ahead is held back
 * from the build until then (a day of slack, so a piece dated "tomorrow" in Minsk is not held
 * back by a build machine on UTC), unless the build is asked to publish the future.
 */
import { addDays, type IsoDate } from './dates.ts';

/** Today's date in UTC, `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** The last publication date a build on `today` publishes: one day ahead. */
export function publicationCutoff(today: IsoDate): IsoDate {
  return addDays(today, 1);
}

/** True when `published` lies beyond the cutoff of a build on `today`. */
export function isScheduled(published: IsoDate | undefined, today: IsoDate): boolean {
  return published !== undefined && published > publicationCutoff(today);
}

/**
 * Whether this build publishes scheduled pieces: `astro build --future` (astro.config.ts turns
 * the flag into the variable) or `BAROMETER_FUTURE=1`.
 */
export function futureRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env['BAROMETER_FUTURE'];
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * The last publication date a build running now publishes, undefined when it publishes the
 * future: the pages (src/routing/site.ts) and the search index (src/search/shard-index.ts) both
 * ask here, so they leave out the same scheduled pieces.
 */
export function publishedUntil(env: Readonly<Record<string, string | undefined>>): IsoDate | undefined {
  return futureRequested(env) ? undefined : publicationCutoff(todayUtc());
}
