/**
 * Rules of the source tree that keep the design honest, checked on the code itself:
 * - languages are named only in src/i18n/ (a site's languages come from site.yaml);
 * - components and layouts render from their props: no content collection, no site model;
 * - every page file gets its data from src/routing/ (one route-data object per page);
 * - no module imports one of a layer above it (the site never imports scripts/, lower layers
 *   never import the routing layer, pages or components).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages.ts';

/** Every .ts and .astro file under `dir`, relative to the project root. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
    .map((e) => relative(process.cwd(), join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** A file's code without its comments (so a comment may mention `{ en, ru }`). */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The modules a file imports (static `import ... from` and `import '...'`). */
function imports(path: string): string[] {
  return [...code(path).matchAll(/\bimport\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

const site = sources('src');
const languageCode = LANGUAGES.join('|');

describe('languages are named in one place', () => {
  it.each(site.filter((f) => !f.startsWith('src/i18n/')))('%s names no language code', (file) => {
    const text = code(file);
    const found = [
      ...text.matchAll(new RegExp(`['"\`](${languageCode})['"\`]`, 'g')),
      ...text.matchAll(new RegExp(`[{,]\\s*(${languageCode})\\s*:`, 'g')),
      ...text.matchAll(new RegExp(`\\.(${languageCode})\\b(?!\\()`, 'g')),
    ].map((m) => m[0]);
    expect(found).toEqual([]);
  });

  it('catches a language literal (the rule is not vacuous)', () => {
    const text = "const x = t('en'); const y = { ru: 'a' }; z.be;";
    expect(new RegExp(`['"\`](${languageCode})['"\`]`).test(text)).toBe(true);
  });
});

describe('components and layouts render from their props', () => {
  it.each(site.filter((f) => /^src\/(components|layouts)\//.test(f)))('%s reads no content collection or site model', (file) => {
    const mods = imports(file);
    expect(mods.filter((m) => m === 'astro:content' || /\/data\/site(\.ts)?$/.test(m) || /\/routing\/routes(\.ts)?$/.test(m))).toEqual([]);
    expect(code(file)).not.toMatch(/getSiteModel|getCollection|getEntry/);
  });
});

describe('pages get their data from the routing layer', () => {
  const pages = site.filter((f) => f.startsWith('src/pages/'));

  it.each(pages)('%s reads no site model of its own', (file) => {
    expect(code(file)).not.toMatch(/getSiteModel|getCollection/);
    expect(imports(file).filter((m) => /\/data\/site(\.ts)?$/.test(m))).toEqual([]);
  });

  it.each(pages.filter((f) => f.includes('[')))('%s takes its static paths from src/routing/routes.ts', (file) => {
    expect(code(file)).toMatch(/export const getStaticPaths = routes\.\w+;/);
  });
});

describe('layers', () => {
  it.each(site)('%s imports nothing from scripts/', (file) => {
    expect(imports(file).filter((m) => m.includes('/scripts/') && !m.startsWith('../scripts/search') && !m.includes('src/scripts/'))).toEqual([]);
  });

  it.each(site.filter((f) => /^src\/(schemas|i18n|lib|markdown|content-reader)\//.test(f)))('%s imports no route, page, component or layout', (file) => {
    expect(imports(file).filter((m) => /\/(routing\/route|pages|components|layouts)\//.test(m) || /\/routing\/routes?(-data)?(\.ts)?$/.test(m))).toEqual([]);
  });
});

describe('folders', () => {
  it('import each other in one direction only: the folder graph of src/ has no cycle', () => {
    // Folder -> the folders its files import from (relative imports only; a folder's own files aside).
    const graph = new Map<string, Set<string>>();
    for (const file of site) {
      const from = file.split('/')[1] ?? '';
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = join(file, '..', spec).split('\\').join('/');
        const to = target.startsWith('src/') ? target.split('/')[1] : undefined;
        if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]): void => {
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open') cycles.push([...trail.slice(trail.indexOf(next)), node, next].join(' -> '));
        else if (!state.has(next)) visit(next, [...trail, node]);
      }
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node, []);
    expect(graph.size).toBeGreaterThan(5);
    expect(cycles).toEqual([]);
  });
});

