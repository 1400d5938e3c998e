/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against the built site in dist/,
 * served on 127.0.0.1 by scripts/lib/static-server.ts. `npm run test:e2e` builds first.
 *
 * A missing Chromium fails the run with instructions instead of skipping the tests silently.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, missingChromium } from './e2e/chromium.ts';

const problem = missingChromium();
if (problem) throw new Error(problem);

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env['E2E_PORT'] ?? 4327);
/** The built site to serve: dist/ unless E2E_DIST names another build (e.g. `astro build --outDir`). */
const site = process.env['E2E_DIST'] ?? 'dist';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: 'list',
  // Generous for slow CI machines: a first search loads Pagefind's wasm and index chunks.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    // The node that runs Playwright (Node 24 from the `node` devDependency) runs the .ts server.
    command: `"${process.execPath}" scripts/lib/static-server.ts "${site}" ${port}`,
    cwd: root,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
