/**
 * Writes `dist/_headers` at the end of `astro build`, after Pagefind (it lists Pagefind's files):
 * see src/lib/host-headers.ts for the rules.
 */
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatHeaders, headerRules, type DirEntry } from '../lib/host-headers.ts';
import { DEFAULT_LANGUAGE } from '../lib/urls.ts';
import { LANGUAGES } from '../schemas/primitives.ts';

/** The folder's entries, sorted by name (so `_headers` is reproducible); [] when it is absent. */
function lister(root: string): (path: string) => DirEntry[] {
  return (path) => {
    try {
      return readdirSync(join(root, path), { withFileTypes: true })
        .map((e) => ({ name: e.name, dir: e.isDirectory() }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return [];
    }
  };
}

/** The integration: one `astro:build:done` hook. */
export default function hostHeaders(): AstroIntegration {
  return {
    name: 'barometer:headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const rules = headerRules(lister(root), LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE));
        await writeFile(join(root, '_headers'), formatHeaders(rules));
        logger.info(`_headers written: ${rules.length} rules`);
      },
    },
  };
}
