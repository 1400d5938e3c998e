/**
 * The loader against a data store left by an earlier session: Astro keeps the preview's store in
 * the project's `.astro/`, whatever content folder the next `astro dev` reads. An entry whose text
 * is unchanged but whose file now lives elsewhere must point at its new file, or Astro resolves
 * its cover image next to a file that is gone (every collection read then fails: ImageNotFound).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barometerLoader } from '../../src/content-reader/loader.ts';
import { writeFixtureContent } from '../helpers/fixture-content.ts';

/** What the loader stores of an entry. */
interface Stored {
  id: string;
  data: unknown;
  digest?: string | number;
  filePath?: string;
}

/** The part of Astro's loader context the loader uses, on a Map for a store. */
function context(store: Map<string, Stored>, cacheDir: string): LoaderContext {
  const logged = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, fork: () => logged, label: 'test', options: {} };
  const fake = {
    collection: 'topics',
    store: {
      get: (id: string) => store.get(id),
      // As Astro's store does: an entry with the digest already stored is not replaced.
      set: (entry: Stored) => {
        if (entry.digest !== undefined && store.get(entry.id)?.digest === entry.digest) return false;
        store.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => void store.delete(id),
      keys: () => [...store.keys()],
      values: () => [...store.values()],
      entries: () => [...store.entries()],
      has: (id: string) => store.has(id),
      clear: () => store.clear(),
    },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (text: string) => `${text.length}:${text.slice(0, 40)}`,
    config: { root: pathToFileURL(`${process.cwd()}/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
    logger: logged,
    meta: new Map<string, string>(),
  };
  return fake as unknown as LoaderContext;
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-loader-store-'));
  await writeFixtureContent(join(dir, 'first'));
  await cp(join(dir, 'first'), join(dir, 'second'), { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the loader on a store an earlier session left', () => {
  it('points unchanged entries at the files of the folder it reads now', async () => {
    const store = new Map<string, Stored>();
    await barometerLoader('topics', join(dir, 'first')).load(context(store, join(dir, 'cache')));
    expect(store.get('alpha')?.filePath).toContain('/first/');
    await barometerLoader('topics', join(dir, 'second')).load(context(store, join(dir, 'cache')));
    expect(store.get('alpha')?.filePath).toContain('/second/');
  });
});
