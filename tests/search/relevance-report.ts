/**
 * `node tests/search/relevance-report.ts <dist> [content]`: runs the relevance set against the
 * site built in <dist> from the content folder [content] (default content/) and prints the table
 * and totals (precision at 5, absent-word queries that found something). Serves <dist> itself on
 * 127.0.0.1; Chromium at /usr/bin/chromium. Any build works, an older one too, to compare.
 */
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from '../../scripts/lib/static-server.ts';
import { formatReport, runRelevance } from './relevance.ts';
import { readCorpus, relevanceSet } from './relevance-set.ts';

const [dist, content = 'content'] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node tests/search/relevance-report.ts <dist> [content]');
  process.exit(2);
}
const server = await startServer(resolve(dist), 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await (await browser.newContext({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })).newPage();
  const report = await runRelevance(page, relevanceSet(readCorpus(resolve(content))));
  console.log(formatReport(report));
} finally {
  await browser.close();
  server.close();
}
