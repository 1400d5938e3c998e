import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CMS_BUNDLE_DIR, keptBundle, placeBundle } from '../../src/build-cache/cms-bundle.ts';
import { CMS_FONTS_DIR } from '../../src/cms/self-hosted-fonts.ts';

/** A project folder with a small entry script (importing a second module), and a cache folder. */
let root: string;
let entry: string;
let cache: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'barometer-cms-bundle-'));
  entry = join(root, 'entry.ts');
  cache = join(root, 'cache');
  await writeFile(join(root, 'words.ts'), 'export const word: string = "first";\n');
  await writeFile(entry, 'import { word } from "./words.ts";\ndocument.title = word;\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The text of the kept bundle's entry file. */
async function entryText(made: { dir: string; manifest: { entry: string } }): Promise<string> {
  return readFile(join(made.dir, made.manifest.entry), 'utf8');
}

describe('keptBundle', () => {
  it('builds the entry once, reuses it while no source changed, and builds again when an imported file changes', async () => {
    const first = await keptBundle(root, entry, cache, '/');
    expect(first.manifest.entry).toMatch(new RegExp(`^${CMS_BUNDLE_DIR}/admin\\.[\\w-]+\\.js$`));
    expect(Object.keys(first.manifest.sources).sort()).toEqual([entry, join(root, 'words.ts')]);
    expect(await entryText(first)).toContain('first');
    const builtAt = (await stat(join(first.dir, first.manifest.entry))).mtimeMs;

    const again = await keptBundle(root, entry, cache, '/');
    expect(again.manifest).toEqual(first.manifest);
    expect((await stat(join(again.dir, again.manifest.entry))).mtimeMs).toBe(builtAt);

    await writeFile(join(root, 'words.ts'), 'export const word: string = "second";\n');
    const changed = await keptBundle(root, entry, cache, '/');
    expect(changed.manifest.entry).not.toBe(first.manifest.entry);
    expect(await entryText(changed)).toContain('second');
    expect(await readdir(join(changed.dir, CMS_BUNDLE_DIR))).toEqual([changed.manifest.entry.split('/').at(-1)]);
  });

  it('builds again when the kept files were removed from the cache folder', async () => {
    const first = await keptBundle(root, entry, cache, '/');
    await rm(join(first.dir, first.manifest.entry));
    const again = await keptBundle(root, entry, cache, '/');
    expect(await entryText(again)).toContain('first');
  });

  it('builds again under another base URL', async () => {
    const first = await keptBundle(root, entry, cache, '/');
    const other = await keptBundle(root, entry, cache, '/site/');
    expect(other.manifest.recipe).not.toBe(first.manifest.recipe);
  });

  it('builds again under another NODE_ENV, which Vite writes into the bundle', async () => {
    await writeFile(entry, 'document.title = String(process.env.NODE_ENV);\n');
    const saved = process.env['NODE_ENV'];
    try {
      process.env['NODE_ENV'] = 'production';
      const production = await keptBundle(root, entry, cache, '/');
      expect(await entryText(production)).toMatch(/[`"']production[`"']/);
      process.env['NODE_ENV'] = 'development';
      const development = await keptBundle(root, entry, cache, '/');
      expect(await entryText(development)).toMatch(/[`"']development[`"']/);
    } finally {
      process.env['NODE_ENV'] = saved;
    }
  });
});

describe('placeBundle', () => {
  it('copies the files missing from the output and removes the ones the bundle no longer has, leaving other files alone', async () => {
    const kept = join(root, 'kept');
    const out = join(root, 'out');
    for (const [path, text] of [
      [`${CMS_BUNDLE_DIR}/admin.new.js`, 'new'],
      [`${CMS_BUNDLE_DIR}/chunk.same.js`, 'same'],
      [`${CMS_FONTS_DIR}/font.a.woff2`, 'font'],
    ] as const) {
      await mkdir(join(kept, path, '..'), { recursive: true });
      await writeFile(join(kept, path), text);
    }
    for (const path of [`${CMS_BUNDLE_DIR}/admin.old.js`, `${CMS_BUNDLE_DIR}/chunk.same.js`, '_astro/page.abc.js', 'index.html']) {
      await mkdir(join(out, path, '..'), { recursive: true });
      await writeFile(join(out, path), 'was here');
    }
    await placeBundle(kept, out);
    expect((await readdir(join(out, CMS_BUNDLE_DIR))).sort()).toEqual(['admin.new.js', 'chunk.same.js']);
    expect(await readFile(join(out, CMS_BUNDLE_DIR, 'admin.new.js'), 'utf8')).toBe('new');
    expect(await readdir(join(out, CMS_FONTS_DIR))).toEqual(['font.a.woff2']);
    expect(await readFile(join(out, '_astro/page.abc.js'), 'utf8')).toBe('was here');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('was here');
  });
});
