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

/** Opens the form in local mode, as an editor would. */
async function openForm(page: Page): Promise<void> {
  // The CMS asks GitHub's status page about the service; this machine is offline.
  await page.route('https://www.githubstatus.com/**', (route) => route.fulfill({ json: { status: { indicator: 'none' } } }));
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: /Work with Local Repository/ }).click({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'New' })).toBeVisible({ timeout: 30_000 });
}

/** The editor pane of one language (the form shows two side by side). */
function pane(page: Page, language: string) {
  return page.locator('[role="group"], section, div').filter({ has: page.getByRole('button', { name: new RegExp(`${language}.*Content Options`) }) }).last();
}

/** Turns one language of a new entry off through its pane's menu. */
async function disableLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`${language}.*Content Options`) }).first().click();
  await page.getByRole('menuitem', { name: new RegExp(`Disable.*${language}`) }).click();
}

/** The analysis files of one language folder. */
async function filesOf(lang: string): Promise<string[]> {
  return (await readdir(join(content, 'analyses', lang))).filter((f) => f.endsWith('.md'));
}

test('an editor writes a weekly analysis in Russian, and it validates and builds', async ({ page }) => {
  test.setTimeout(300_000);
  const before = await filesOf('ru');
  await openForm(page);
  await page.getByRole('button', { name: 'New' }).click();
  await disableLanguage(page, 'English');
  await disableLanguage(page, 'Belarusian');
  const form = pane(page, 'Russian');

  await form.getByRole('textbox', { name: /^Title/ }).fill('Минск снова ищет равновесие');
  await form.getByRole('textbox', { name: /slug/i }).fill('2024-03-11-minsk-seeks-balance-again');
  await form.getByRole('textbox', { name: /^Summary/ }).fill('Минск осторожно возвращается к балансированию между Москвой и Пекином. Запад пока не отвечает.');
  await form.getByRole('radio', { name: 'weekly' }).check();
  await form.getByRole('checkbox', { name: /Add.*Period/ }).check();
  // A Wednesday: the form makes it the week from Monday 11 to Sunday 17 March.
  await form.locator('input[type="date"]').first().fill('2024-03-13');
  await form.getByRole('radio', { name: /^belarus-russia-relations|Belarus.Russia relations/ }).check().catch(async () => {
    await form.getByRole('combobox', { name: /^Topic/ }).click();
    await page.getByRole('option', { name: /Belarus.Russia relations/ }).click();
  });
  await form.getByRole('radio', { name: /^worse/ }).check();
  const actors = form.getByRole('combobox', { name: /^Actors/ });
  for (const name of [/Aliaksandr Lukashenka/, /^China/]) {
    await actors.click();
    await page.getByRole('option', { name }).click();
  }
  await form.getByRole('button', { name: /Add.*Source/ }).click();
  await form.getByRole('textbox', { name: /^Title/ }).nth(1).fill('Визит в Пекин');
  await form.getByRole('textbox', { name: /^Url/ }).fill('https://example.org/news/2024/03/beijing-visit');
  await form.locator('[contenteditable="true"]').first().fill('Неделя прошла под знаком переговоров.');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect.poll(async () => (await filesOf('ru')).filter((f) => !before.includes(f)), { timeout: 30_000 }).toEqual(['2024-03-11-minsk-seeks-balance-again.md']);
  expect(await filesOf('en')).not.toContain('2024-03-11-minsk-seeks-balance-again.md');
  const text = await readFile(join(content, 'analyses', 'ru', '2024-03-11-minsk-seeks-balance-again.md'), 'utf8');
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

  const validate = await run(NODE, ['scripts/validate.ts', content], { cwd: projectRoot }).then((r) => ({ code: 0, out: r.stdout }), (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }));
  expect(validate.code, validate.out).toBe(0);

  const out = join(root, 'dist');
  await buildSite(content, out, join(root, 'build-cache'));
  const html = await readFile(join(out, 'ru', 'analyses', '2024-03-11-minsk-seeks-balance-again', 'index.html'), 'utf8');
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
  const title = pane(page, 'English').getByRole('textbox', { name: /^Title/ });
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
  await page.getByRole('button', { name: 'New' }).click();
  await disableLanguage(page, 'Belarusian');
  await disableLanguage(page, 'Russian');
  const form = pane(page, 'English');
  await form.getByRole('textbox', { name: /slug/i }).fill('2024-03-11-no-title');
  await form.getByRole('textbox', { name: /^Summary/ }).fill('A summary without a headline.');
  await form.getByRole('radio', { name: 'analysis' }).check();
  await form.locator('[contenteditable="true"]').first().fill('Text.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/This field is required|required/i).first()).toBeVisible();
  expect(await filesOf('en')).toEqual(before);
});
