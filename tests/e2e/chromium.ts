/**
 * Where the browser tests find Chromium: Debian's package at /usr/bin/chromium, or CHROMIUM_PATH.
 * Run directly (`node tests/e2e/chromium.ts`) it checks before the slow build starts, so a machine
 * without Chromium hears about it at once, with the fix, rather than having the tests skipped.
 */
import { existsSync } from 'node:fs';

/** The Chromium binary the tests drive. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when Chromium is in place. */
export function missingChromium(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return [
    `The browser tests need Chromium at ${CHROMIUM_PATH}, and it is not there.`,
    "Install Debian's package:   sudo apt-get install -y chromium",
    'or point CHROMIUM_PATH at another Chromium binary. (Do not run `npx playwright install`.)',
  ].join('\n');
}

if (import.meta.main) {
  const problem = missingChromium();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
