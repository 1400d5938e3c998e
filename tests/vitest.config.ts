/**
 * Vitest settings, in two projects run from the project root: `unit` (no site builds, no
 * servers) and `build` (tests that build a site or start `astro dev`; the sample site is built
 * once per run for all of them by tests/build/global-setup.ts). `--project unit` runs the quick ones.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests that build a site or run a dev server. */
const BUILD = ['tests/build/**/*.test.ts', 'tests/content-reader/live-preview.test.ts'];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...BUILD, 'tests/e2e/**', 'node_modules/**'] } },
      // One file at a time: Astro builds and the dev server share the project root (its .astro/ types and
      // dev lock), and two at once on two cores gain nothing but flaky output.
      { extends: true, test: { name: 'build', include: BUILD, globalSetup: ['tests/build/global-setup.ts'], fileParallelism: false } },
    ],
  },
});
