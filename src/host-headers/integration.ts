/**
 * Writes `dist/_headers` at the end of `astro build`, after Pagefind (it lists Pagefind's files):
 * see src/host-headers/host-headers.ts for the rules.
 */
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatHeaders, headerRules, type DirEntry } from './host-headers.ts';
import type { Language } from '../i18n/languages.ts';

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

/** The integration: one `astro:build:done` hook; `languages` are the site's, the root one first. */
export default function hostHeaders(options: { languages: readonly Language[] }): AstroIntegration {
  return {
    name: 'barometer:headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const rules = headerRules(lister(root), options.languages.slice(1));
        await writeFile(join(root, '_headers'), formatHeaders(rules));
        logger.info(`_headers written: ${rules.length} rules`);
      },
    },
  };
}
