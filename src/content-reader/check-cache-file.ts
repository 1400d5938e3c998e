/**
 * Per-file check results kept on disk between runs of `astro dev` (`preview-checks.bin`) and
 * between builds (`build-checks.bin`, in the build's cache folder), so a restart or a warm build
 * checks again only the files whose text changed (at 10,000 analyses the checks are most of the
 * content sync after a restart: YAML, zod and the body checks, about 1.5 ms a file).
 *
 * A result is reused only for the same text (compared by hash: the texts themselves are read from
 * the files again anyway), the same content folder and the same checking code and libraries (a
 * fingerprint of their sources, so an upgrade or an edited schema checks everything again). The
 * day matters for one check only, the scheduled-piece warning (`--future` changes which pages are
 * built, not the checks): a result from another day is reused only for a file that is no analysis
 * or an analysis whose `published` date is scheduled on neither day (its result is then the same
 * on both), so CI's warm build the next day still reuses nearly everything. The file holds no text: an entry's `text` is the file's text read
 * now, its `body` the tail of that text, so a result costs about a fifth of the file it describes.
 * A file that is missing, unreadable or of another version is ignored: the checks just run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CheckCache, CheckedText, EarlierChecks } from './check.ts';
import { isScheduled } from '../lib/schedule.ts';

/** Bumped when the stored shape changes. */
const FORMAT = 2;

/** Folders whose sources decide a file's check result, and files naming the libraries it uses. */
const CHECKING_CODE = ['src/content-reader', 'src/schemas', 'src/markdown', 'src/lib', 'src/i18n'];
const LIBRARIES = ['package-lock.json', 'node_modules/.package-lock.json'];

/** The hash a stored result is matched on. */
export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** The text hash of each result already hashed (a result belongs to one text), so a save hashes only new results. */
const hashes = new WeakMap<CheckedText['result'], string>();

/** `textHash` of a result's text, once per result. */
function resultHash({ text, result }: CheckedText): string {
  let hash = hashes.get(result);
  if (hash === undefined) {
    hash = textHash(text);
    hashes.set(result, hash);
  }
  return hash;
}

/** A fingerprint of the checking code and libraries under the project `root`. */
export function checkingCodeFingerprint(root: string): string {
  const hash = createHash('sha1');
  const add = (path: string) => {
    try {
      hash.update(path).update(readFileSync(join(root, path)));
    } catch {
      hash.update(`${path}: none`);
    }
  };
  for (const dir of CHECKING_CODE) {
    let names: string[];
    try {
      names = readdirSync(join(root, dir), { recursive: true }).map(String).sort();
    } catch {
      names = [];
    }
    for (const name of names) if (/\.(ts|js|mjs|json|yaml)$/.test(name) && statSync(join(root, dir, name)).isFile()) add(join(dir, name));
  }
  for (const file of LIBRARIES) add(file);
  return hash.digest('base64');
}

/** One stored result: the entry's text and body left out, found again from the file's text. */
type StoredResult = [path: string, hash: string, result: CheckedText['result'], bodyLength: number | undefined];

/** An entry inside a result, as far as its text and body go. */
interface WithText {
  text?: string;
  body?: string;
}

/** The result's entry (the one object holding the file's text), if it has one. */
function entryOf(result: CheckedText['result']): WithText | undefined {
  return 'entry' in result && result.entry ? (result.entry as WithText) : undefined;
}

/** A copy of the result without the text; the body only where it is not the text's tail. */
function strip(path: string, { text, result }: CheckedText): StoredResult {
  const entry = entryOf(result);
  const hash = resultHash({ text, result });
  if (!entry) return [path, hash, result, undefined];
  const body = entry.body;
  const tail = body !== undefined && text.endsWith(body);
  const copy: WithText = { ...entry, text: '', ...(tail ? { body: '' } : {}) };
  // The analysis' cross-file fields are the entry itself when it passed: keep them one object.
  const stripped = { ...result, entry: copy, ...('loose' in result && result.loose === result.entry ? { loose: copy } : {}) } as CheckedText['result'];
  return [path, hash, stripped, tail ? body.length : undefined];
}

/** A stored result for the file's current `text`. */
function restore(text: string, result: CheckedText['result'], bodyLength: number | undefined): CheckedText['result'] {
  const entry = entryOf(result);
  if (entry) {
    entry.text = text;
    if (bodyLength !== undefined) entry.body = text.slice(text.length - bodyLength);
  }
  return result;
}

/**
 * Whether a result checked on `day` is also the result on `today`: only an analysis' scheduled
 * warning depends on the day, so an analysis without an entry (its date unknown here) is checked
 * again, and one with an entry when it is scheduled on either day.
 */
function sameOnBothDays(result: CheckedText['result'], day: string, today: string): boolean {
  if (day === today || result.kind !== 'analysis') return true;
  if (!result.entry) return false;
  const { published } = result.entry.data;
  return !isScheduled(published, day) && !isScheduled(published, today);
}

/** Results read back from disk: a check cache whose entries are matched by text hash until used. */
export class StoredChecks implements EarlierChecks {
  readonly #rows = new Map<string, StoredResult>();
  /** The day the stored results were checked on (all of them: see sameOnBothDays). */
  #day = '';
  readonly #today: string;

  /** Reads `file` when it was written under `key`; otherwise holds nothing. `today` is the day this run checks on. */
  constructor(file: string, key: string, today: string) {
    this.#today = today;
    try {
      const stored: unknown = deserialize(readFileSync(file));
      if (typeof stored !== 'object' || stored === null || !('format' in stored) || stored.format !== FORMAT || !('key' in stored) || stored.key !== key || !('day' in stored) || typeof stored.day !== 'string' || !('rows' in stored) || !Array.isArray(stored.rows)) return;
      this.#day = stored.day;
      for (const row of stored.rows as StoredResult[]) this.#rows.set(row[0], row);
    } catch {
      // No file yet, or one cut short: the checks run.
    }
  }

  /** Stored results that were asked for and did not fit the file's text. */
  #misses = 0;

  /**
   * Whether every stored result was handed out and none missed: the file on disk already says
   * what a reading of the same files would write, so it need not be written again.
   */
  get allUsed(): boolean {
    return this.#rows.size === 0 && this.#misses === 0;
  }

  /** The stored result for `path` when its text is `text` (each is handed out once). */
  take(path: string, text: string): CheckedText['result'] | undefined {
    const row = this.#rows.get(path);
    this.#rows.delete(path);
    if (row?.[1] === textHash(text) && sameOnBothDays(row[2], this.#day, this.#today)) {
      const result = restore(text, row[2], row[3]);
      hashes.set(result, row[1]);
      return result;
    }
    this.#misses += 1;
    return undefined;
  }
}

/**
 * Writes the cache's results, checked on `day`, to `file` under `key` (atomically: a stopped
 * preview or build leaves the old file). A result reused from another day is the same on `day`.
 */
export function saveChecks(file: string, key: string, day: string, cache: CheckCache): void {
  const rows = [...cache].map(([path, checked]) => strip(path, checked));
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    // The preview's first reading comes before anything else made the cache folder.
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, serialize({ format: FORMAT, key, day, rows }));
    renameSync(tmp, file);
  } catch {
    // A preview or build that cannot write its cache folder still works; the next one checks everything.
    rmSync(tmp, { force: true });
  }
}
