/**
 * The browser scripts (the modules `.astro` files load in a `<script>`) and everything they import must run in a browser: a module
 * in their graph that imports Node's built-ins gets an empty stub in the bundle and a warning in
 * every build (urls.ts once pulled node:crypto into the search page through the listings' cache
 * keys). This follows the value imports from each script, as Vite does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Value imports of a module (`import type` and `export type` left out: they vanish in the bundle). */
function valueImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (!m[2]) found.push(m[3] ?? '');
  }
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] ?? '');
  return found;
}

/** Every Node built-in reached from `entry`, as `module -> specifier`. */
function nodeImportsFrom(entry: string): string[] {
  const seen = new Set<string>();
  const hits: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('node:')) hits.push(`${file.slice(SRC.length + 1)} -> ${spec}`);
      else if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`));
    }
  }
  return hits;
}

/** The modules the site's `.astro` files import inside a `<script>` element: what Vite bundles for the browser. */
function browserEntries(): string[] {
  const entries: string[] = [];
  for (const e of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.astro')) continue;
    const file = join(e.parentPath, e.name);
    for (const block of readFileSync(file, 'utf8').matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) {
      for (const spec of valueImports(block[1] ?? '')) if (spec.startsWith('.')) entries.push(resolve(dirname(file), spec));
    }
  }
  return entries.sort();
}

describe('browser scripts', () => {
  const entries = browserEntries();

  it('are found', () => {
    expect(entries.map((f) => f.slice(SRC.length + 1))).toContain('search/search-page.ts');
  });

  it.each(entries)('%s reaches no Node built-in through its imports', (entry) => {
    expect(nodeImportsFrom(entry)).toEqual([]);
  });
});
