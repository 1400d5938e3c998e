/**
 * The editors' form at /admin/ in its local mode (`npm run cms`), on a copy of the sample content:
 * an editor writes a Russian weekly analysis, edits an existing one, and leaves a required field
 * empty. What the form saved must pass `npm run validate` and reach a built page.
 *
 * The dev server runs on its own port with BAROMETER_CONTENT pointing at the copy, so the real
 * content/ is never written.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { parseMarkdownSource } from '../../src/content-reader/parse.ts';
import { buildSite, NODE } from '../helpers/build-site.ts';
import { expect, test } from './fixtures.ts';

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env['E2E_CMS_PORT'] ?? 4431);
const origin = `http://127.0.0.1:${port}`;

let server: ChildProcess | undefined;
let root = '';
let content = '';

test.describe.configure({ mode: 'serial' });
// A step that cannot find its control fails in seconds, not at the end of the long test.
test.use({ actionTimeout: 15_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = await mkdtemp(join(tmpdir(), 'barometer-cms-'));
  content = join(root, 'content');
  await cp(join(projectRoot, 'content'), content, { recursive: true });
  // The CMS checks that the folder it opens is a repository.
  await mkdir(join(root, '.git'));
  server = spawn(process.execPath, ['scripts/cms.ts', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: projectRoot,
    env: { ...process.env, BAROMETER_CONTENT: content, BAROMETER_CACHE_DIR: join(root, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', openSync(join(root, 'cms.log'), 'w'), openSync(join(root, 'cms.log'), 'a')],
  });
  for (let i = 0; i < 240; i += 1) {
    const ok = await fetch(`${origin}/admin/config.json`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm run cms did not answer on ${origin}:\n${await readFile(join(root, 'cms.log'), 'utf8')}`);
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  if (root) await rm(root, { recursive: true, force: true });
});

/** The form draws fields as they scroll into view: scrolls it, as an editor would, until `label` is there. */
async function scrollToField(page: Page, label: string) {
  const field = page.getByRole('group', { name: new RegExp(`“.?${label}.?” Field`) });
  await page.getByRole('textbox', { name: 'Title', exact: true }).first().hover();
  for (let i = 0; i < 20 && (await field.count()) === 0; i += 1) await page.mouse.wheel(0, 800);
  await field.scrollIntoViewIfNeeded();
  return field;
}

/** Types the analysis text into the Markdown editor. */
async function writeBody(page: Page, text: string): Promise<void> {
  const field = await scrollToField(page, 'Text');
  await field.getByRole('textbox').last().fill(text);
}

/** Opens the form in local mode, as an editor would. */
async function openForm(page: Page): Promise<void> {
  // The CMS asks GitHub's status page about the service; this machine is offline.
  await page.route('https://www.githubstatus.com/**', (route) => route.fulfill({ json: { status: { indicator: 'none' } } }));
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: /Work with Local Repository/ }).click({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'New' })).toBeVisible({ timeout: 30_000 });
}

/** Starts a new analysis in one language's collection (its label names the language in itself). */
async function newAnalysis(page: Page, language: string): Promise<void> {
  await page.getByRole('treeitem', { name: `Analyses · ${language}` }).click();
  await page.getByRole('button', { name: 'New' }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeVisible();
}

/** The analysis files of one language folder. */
async function filesOf(lang: string): Promise<string[]> {
  return (await readdir(join(content, 'analyses', lang))).filter((f) => f.endsWith('.md'));
}

test('an editor writes a weekly analysis in Russian, and it validates and builds', async ({ page }) => {
  test.setTimeout(300_000);
  const before = await filesOf('ru');
  await openForm(page);
  await newAnalysis(page, 'Русский');
  const form = page.locator('body');

  await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Минск снова ищет равновесие');
  await form.getByRole('textbox', { name: 'Summary', exact: true }).fill('Минск осторожно возвращается к балансированию между Москвой и Пекином. Запад пока не отвечает.');
  await form.getByRole('radio', { name: 'weekly' }).check();
  await form.getByRole('checkbox', { name: /Add.*Period/ }).check();
  // A Wednesday: the form makes it the week from Monday 11 to Sunday 17 March.
  await form.locator('input[type="date"]').first().fill('2024-03-13');
  await form.getByRole('combobox', { name: 'Topic', exact: true }).click();
  await page.getByRole('option', { name: /Belarus.Russia relations/ }).click();
  await form.getByRole('radio', { name: /^worse/ }).check();
  const actors = form.getByRole('combobox', { name: 'Actors', exact: true });
  for (const name of [/Aliaksandr Lukashenka/, /^China/]) {
    await actors.click();
    await page.getByRole('option', { name }).click();
  }
  await form.getByRole('button', { name: /Add.*Source/ }).click();
  await form.getByRole('group', { name: /Sources/ }).getByRole('textbox', { name: 'Title', exact: true }).fill('Визит в Пекин');
  await form.getByRole('textbox', { name: 'Url', exact: true }).fill('https://example.org/news/2024/03/beijing-visit');
  await writeBody(page, 'Неделя прошла под знаком переговоров.');
  await page.getByRole('button', { name: 'Save' }).click();

  // The file name comes from the title, spelt in Latin letters.
  const slug = 'minsk-snova-ischet-ravnovesie';
  await expect.poll(async () => (await filesOf('ru')).filter((f) => !before.includes(f)), { timeout: 30_000 }).toEqual([`${slug}.md`]);
  expect(await filesOf('en')).not.toContain(`${slug}.md`);
  const text = await readFile(join(content, 'analyses', 'ru', `${slug}.md`), 'utf8');
  const { data, problems } = parseMarkdownSource('new.md', text);
  expect(problems).toEqual([]);
  expect(data).toMatchObject({
    title: 'Минск снова ищет равновесие',
    kind: 'weekly',
    period: { start: '2024-03-11', end: '2024-03-17' },
    topic: 'belarus-russia-relations',
    trend: 'worse',
    actors: ['lukashenka', 'china'],
    sources: [{ title: 'Визит в Пекин', url: 'https://example.org/news/2024/03/beijing-visit' }],
  });

  // The build below shares the project's .astro/ with the running preview, whose page would
  // reload mid-build: the editor's part ends here.
  await page.goto('about:blank');
  const validate = await run(NODE, ['scripts/validate.ts', content], { cwd: projectRoot }).then((r) => ({ code: 0, out: r.stdout }), (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }));
  expect(validate.code, validate.out).toBe(0);

  const out = join(root, 'dist');
  await buildSite(content, out, join(root, 'build-cache'));
  const html = await readFile(join(out, 'ru', 'analyses', slug, 'index.html'), 'utf8');
  expect(html).toContain('Минск снова ищет равновесие');
  expect(html).toContain('/ru/weeks/2024-03-11/');
  expect(html).toContain('/ru/topics/belarus-russia-relations/');
  expect(html).toContain('/ru/actors/china/');
  expect(html).toContain('https://example.org/news/2024/03/beijing-visit');
});

test('editing an analysis changes only what the editor changed', async ({ page }) => {
  const file = (lang: string) => join(content, 'analyses', lang, '2024-01-15-insurance-for-the-ruler.md');
  const before = Object.fromEntries(await Promise.all(['en', 'be', 'ru'].map(async (l) => [l, await readFile(file(l), 'utf8')] as const)));
  await openForm(page);
  await page.getByText('Insurance for the ruler, not an exit plan').click();
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue('Insurance for the ruler, not an exit plan');
  await title.fill('Insurance for the ruler, still not an exit plan');
  await page.getByRole('button', { name: 'Save' }).click();

  const expected = before['en']?.replace('title: "Insurance for the ruler, not an exit plan"', 'title: "Insurance for the ruler, still not an exit plan"');
  expect(expected).not.toBe(before['en']);
  await expect.poll(() => readFile(file('en'), 'utf8'), { timeout: 30_000 }).toBe(expected);
  expect(await readFile(file('be'), 'utf8')).toBe(before['be']);
  expect(await readFile(file('ru'), 'utf8')).toBe(before['ru']);
});

test('a required field left empty is refused in the form', async ({ page }) => {
  const before = await filesOf('en');
  await openForm(page);
  await newAnalysis(page, 'English');
  const form = page.locator('body');
  await form.getByRole('textbox', { name: 'Summary', exact: true }).fill('A summary without a headline.');
  await form.getByRole('radio', { name: 'analysis' }).check();
  await writeBody(page, 'Text.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/This field is required|required/i).first()).toBeVisible();
  expect(await filesOf('en')).toEqual(before);
});
