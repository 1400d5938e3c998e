/**
 * Keeps the output folder's path out of the code of Astro's `astro:assets` module in a static
 * build, so a build into another folder (CI's new checkout with only the cache folder restored,
 * docs/publishing.md) reuses the analysis pages instead of rendering them all again.
 *
 * Why: Astro's incremental build reuses a page only when the hash of its module graph's code is
 * unchanged. `astro:assets` (imported by Astro's `<Picture>`, which src/components/CoverImage.astro
 * uses) writes the absolute output folder into its code (`export const outDir = new URL("file:///…")`,
 * read only by the Node adapter's image endpoint), so every route showing a cover image counted as
 * changed code whenever the output folder moved. Here the two URLs are read at run time from a
 * value this integration sets in the build's process, with the same result.
 *
 * A workaround for Astro's incremental build (src/build-cache/ holds all of them). Tracks Astro 7.3
 * (`vite-plugin-assets.js`); tests/build/ci-warm.test.ts fails if the module's shape changes and
 * the path is back in the hash. Only for static output without an adapter: a server build's
 * bundle runs in another process, where the value would be missing.
 */
import type { AstroIntegration } from 'astro';

/** Where the build's process keeps the two URLs the module exports. */
const RUNTIME_KEY = 'barometer:astro-assets-dirs';

/** Astro's id of the resolved `astro:assets` module. */
const ASSETS_MODULE_ID = '\0astro:assets';

/** `export const outDir = /* #__PURE__ *\/ new URL("file:///…");` and the same for serverDir. */
const DIR_EXPORT = /export const (outDir|serverDir) = (\/\* #__PURE__ \*\/ )?new URL\("[^"]*"\);/g;

/** The module's code with its two folder URLs read from the build's process instead of written in. */
export function withoutFolderPaths(code: string): string {
  return code.replace(DIR_EXPORT, (_m, name: string, pure: string | undefined) => `export const ${name} = ${pure ?? ''}new URL(globalThis[Symbol.for(${JSON.stringify(RUNTIME_KEY)})].${name});`);
}

/** The integration: sets the two URLs in the process and rewrites the module's code in `astro build`. */
export default function stableAssetsModule(): AstroIntegration {
  return {
    name: 'barometer:stable-assets-module',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || config.adapter) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'barometer:stable-assets-module',
                apply: 'build',
                transform: {
                  filter: { id: /^\0astro:assets$/ },
                  handler(code: string, id: string) {
                    return id === ASSETS_MODULE_ID ? { code: withoutFolderPaths(code), map: null } : undefined;
                  },
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        (globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_KEY)] = { outDir: config.outDir.href, serverDir: config.build.server.href };
      },
    },
  };
}
