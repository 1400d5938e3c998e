/**
 * Removes Astro's list of content image imports (`.astro/content-assets.mjs`) before the content
 * is read, so every build, sync and preview writes its own.
 *
 * Why: Astro keeps that list in the project's `.astro/` folder, shared by every content folder
 * built from this project (the sample, fixtures, the benchmark corpus), while the data store it
 * belongs to lives in the per-build `cacheDir`. When a build finds its store unchanged it keeps
 * whatever list is on disk, which may be another content folder's: cover images then fail with
 * "was not imported by Astro's image pipeline". Astro rewrites a missing list from the store.
 *
 * A workaround for Astro's content layer (src/build-cache/ holds all of them). Tracks Astro 7.3,
 * which writes this list to the project's `.astro/` whatever `cacheDir` says: drop it when the
 * list moves beside the data store.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The file Astro writes the content image imports to, relative to the project root. */
export const ASSET_IMPORTS_FILE = '.astro/content-assets.mjs';

/** The integration: one `astro:config:setup` hook, which runs before the content layer syncs. */
export default function freshAssetImports(): AstroIntegration {
  return {
    name: 'barometer:fresh-asset-imports',
    hooks: {
      'astro:config:setup': async ({ config }) => {
        await rm(fileURLToPath(new URL(ASSET_IMPORTS_FILE, config.root)), { force: true });
      },
    },
  };
}
