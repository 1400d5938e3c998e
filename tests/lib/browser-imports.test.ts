/**
 * The browser scripts (src/scripts/) and everything they import must run in a browser: a module
 * in their graph that imports Node's built-ins gets an empty stub in the bundle and a warning in
 * every build (urls.ts once pulled node:crypto into the search page through the listings' cache
 * keys). This follows the value imports from each script, as Vite does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPTS = resolve(import.meta.dirname, '../../src/scripts');

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
      if (spec.startsWith('node:')) hits.push(`${file.slice(resolve(SCRIPTS, '..').length + 1)} -> ${spec}`);
      else if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`));
    }
  }
  return hits;
}

describe('browser scripts', () => {
  const entries = readdirSync(SCRIPTS).filter((f) => f.endsWith('.ts'));

  it('are found', () => {
    expect(entries).toContain('search.ts');
  });

  it.each(entries)('%s reaches no Node built-in through its imports', (entry) => {
    expect(nodeImportsFrom(join(SCRIPTS, entry))).toEqual([]);
  });
});
