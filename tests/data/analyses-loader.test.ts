/** The analyses loader stores rendered entries without their Markdown source. */
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { withoutBodies } from '../../src/data/analyses-loader.ts';

type Store = LoaderContext['store'];
type Entry = Parameters<Store['set']>[0];

/** A store that records what it is given; the parts of the real one the loader calls. */
function recordingStore() {
  const saved: Entry[] = [];
  const store = {
    set(entry: Entry) {
      saved.push(entry);
      return true;
    },
    get(id: string) {
      return saved.find((e) => e.id === id);
    },
    has(id: string) {
      return saved.some((e) => e.id === id);
    },
  };
  return { saved, store: store as unknown as Store };
}

describe('withoutBodies', () => {
  it('drops the body and keeps everything else, rendered HTML and digest included', () => {
    const { saved, store } = recordingStore();
    const wrapped = withoutBodies(store);
    const entry = { id: 'en/a', data: { title: 'A' }, body: '# Source', digest: 'abc', filePath: 'content/analyses/en/a.md', rendered: { html: '<h1>Source</h1>' } };
    expect(wrapped.set(entry)).toBe(true);
    expect(saved).toEqual([{ id: 'en/a', data: { title: 'A' }, digest: 'abc', filePath: 'content/analyses/en/a.md', rendered: { html: '<h1>Source</h1>' } }]);
  });

  it('passes every other call to the real store, bound to it', () => {
    const { store } = recordingStore();
    const wrapped = withoutBodies(store);
    wrapped.set({ id: 'en/b', data: {}, digest: 'd' });
    expect(wrapped.has('en/b')).toBe(true);
    expect(wrapped.get('en/b')?.digest).toBe('d');
    expect(wrapped.has('en/c')).toBe(false);
  });
});
