/**
 * The render pool's lifecycle: a closed pool is never reused (the old loader closed its pool
 * after the first content sync and every later render in `astro dev` waited forever on it).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderPool, renderOnPool } from '../../src/markdown/render-pool.ts';

const WORKER = fileURLToPath(new URL('../../src/markdown/render-worker.ts', import.meta.url));

afterAll(async () => {
  await closeRenderPool();
});

describe('the render pool', () => {
  it('renders, is closed, and renders again on a fresh pool', async () => {
    const first = await renderOnPool(WORKER, { body: '## First\n\nText.', data: {}, filePath: undefined });
    expect(first.html).toContain('First');
    expect(first.metadata.headings.map((h) => h.depth)).toEqual([2]);
    await closeRenderPool();
    const second = await renderOnPool(WORKER, { body: 'Second *edit*.', data: {}, filePath: undefined });
    expect(second.html).toContain('<em>edit</em>');
  });

  it('renders many bodies at once, each to its own HTML', async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => `Body number ${i}.`);
    const html = await Promise.all(bodies.map((body) => renderOnPool(WORKER, { body, data: {}, filePath: undefined }).then((r) => r.html)));
    html.forEach((h, i) => expect(h).toContain(`Body number ${i}.`));
  });

});
