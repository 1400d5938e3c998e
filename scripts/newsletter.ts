/**
 * `npm run newsletter -- --week 2022-08-29 [--lang be] [--dist dist]`: where the built email
 * edition of a week is (HTML and plain text) and its subject line, ready for the mail service.
 * The editions are written by `npm run build`; this reads them, it renders nothing. The language
 * defaults to the build's root language (its home page's `<html lang>`: site.yaml's first).
 *
 * Exit codes: 0 found; 1 no such edition (or no build); 2 bad command line.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRealIsoDate } from '../src/lib/dates.ts';
import { isLanguage, LANGUAGES } from '../src/i18n/languages.ts';
import { sitePaths } from '../src/lib/site-paths.ts';

const USAGE = `usage: npm run newsletter -- --week YYYY-MM-DD [--lang ${LANGUAGES.join('|')}] [--dist dist]`;

/** Prints a problem and exits with `code`. */
function fail(message: string, code: number): never {
  console.error(`newsletter: ${message}`);
  process.exit(code);
}

/** The subject line: the edition's <title>, entities decoded. */
function subjectOf(html: string): string | undefined {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1];
  return title?.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[e] ?? '');
}

let args: ReturnType<typeof parseArgs<{ options: { week: { type: 'string' }; lang: { type: 'string' }; dist: { type: 'string' } } }>>;
try {
  args = parseArgs({ options: { week: { type: 'string' }, lang: { type: 'string' }, dist: { type: 'string' } }, strict: true, allowPositionals: false });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
}
const week = args.values.week;
if (week === undefined) fail(`--week is required\n${USAGE}`, 2);
if (!/^\d{4}-\d{2}-\d{2}$/.test(week) || !isRealIsoDate(week)) fail(`--week: found "${week}", expected a date written YYYY-MM-DD (the week's Monday)`, 2);
const asked = args.values.lang;
if (asked !== undefined && !isLanguage(asked)) fail(`--lang: found "${asked}", expected one of ${LANGUAGES.join(', ')}`, 2);

const dist = resolve(args.values.dist ?? 'dist');
const home = await readFile(join(dist, 'index.html'), 'utf8').catch(() => undefined);
if (home === undefined) fail(`${relative(process.cwd(), dist) || dist}/ has no built site; run npm run build first`, 1);
const root = /<html[^>]*\slang="([^"]+)"/.exec(home)?.[1];
if (!isLanguage(root)) fail(`${relative(process.cwd(), dist) || dist}/index.html names no site language in <html lang>; rebuild with npm run build`, 1);
const lang = asked ?? root;
const weeksDir = join(dist, ...sitePaths(root).prefix(lang).split('/').filter(Boolean), 'weeks');
const html = join(weeksDir, week, 'email.html');
const text = join(weeksDir, week, 'email.txt');
const source = await readFile(html, 'utf8').catch(() => undefined);
if (source === undefined || !(await stat(text).catch(() => undefined))?.isFile()) {
  const editions = (await readdir(weeksDir).catch(() => [] as string[])).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const withEdition: string[] = [];
  for (const d of editions) if ((await stat(join(weeksDir, d, 'email.html')).catch(() => undefined))?.isFile()) withEdition.push(d);
  const nearest = [...withEdition].sort((a, b) => Math.abs(Date.parse(a) - Date.parse(week)) - Math.abs(Date.parse(b) - Date.parse(week))).slice(0, 3).sort();
  fail(
    `no ${lang} edition for the week of ${week} (editions exist for weeks with weekly analyses in that language)${nearest.length ? `; nearest: ${nearest.join(', ')}` : ''}`,
    1,
  );
}
const show = (p: string) => relative(process.cwd(), p) || p;
console.log(`subject: ${subjectOf(source) ?? ''}`);
console.log(`html:    ${show(html)}`);
console.log(`text:    ${show(text)}`);
