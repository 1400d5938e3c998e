/**
 * Runs the search journeys and the relevance set against a generated corpus big enough to page
 * (200 analyses), as well as the sample site: `npm run test:e2e` calls it after the sample-site browser tests. It writes
 * the corpus and its build to a temporary folder, serves that build on its own port and removes
 * the folder afterwards, so the project's own dist/ and content/ are never touched.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COUNT = '200';
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'barometer-paging-'));
const content = join(work, 'content');
const dist = join(work, 'dist');

/** Runs one step, stopping the whole run with its exit code when it fails. */
function step(what: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`paging corpus: ${what}`);
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
}

step(`generating ${COUNT} analyses`, ['scripts/generate.ts', '--count', COUNT, '--out', content]);
step('building them', ['--max-old-space-size=16384', 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
  BAROMETER_CONTENT: content,
  BAROMETER_CACHE_DIR: join(work, 'cache'),
});
step('search journeys at 1280 px (mouse) and 390 px (touch), and the relevance set', ['node_modules/@playwright/test/cli.js', 'test', '--config', 'tests/playwright.config.ts', 'tests/e2e/search-journeys.spec.ts', 'tests/e2e/search-relevance.spec.ts'], {
  E2E_DIST: dist,
  E2E_CONTENT: content,
  E2E_PORT: '4328',
});
rmSync(work, { recursive: true, force: true });
