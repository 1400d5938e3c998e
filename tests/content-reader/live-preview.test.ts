/**
 * The live preview: a real `astro dev` on a temp copy of the sample content. Edits, a new file, a
 * deleted file, a malformed save and its fix must each reach the page (the old loader closed its
 * render pool after the first sync and every later edit waited forever on it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../../src/content-reader/index.ts';
import { formatProblem } from '../../src/schemas/problems.ts';
import { ASTRO, NODE } from '../helpers/build-site.ts';

const PORT = Number(process.env['DEV_PORT'] ?? 4352);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SLUG = '2022-08-29-minsk-bets-on-a-divided-west';
const PAGE = `${ORIGIN}/analyses/${SLUG}/`;
/** How long a change may take to show; generous so a loaded CI machine does not fail it (it takes about 1 s). */
const DEADLINE_MS = 15_000;

let dir: string;
let file: string;
let original: string;
let server: ChildProcess;
let output = '';
let lastError: unknown;

/** The page's status and its <h1> text. */
async function look(url: string): Promise<{ status: number; h1: string | undefined }> {
  try {
    const res = await fetch(url);
    const html = await res.text();
    return { status: res.status, h1: /<h1[^>]*>([^<]*)</.exec(html)?.[1] };
  } catch (error) {
    lastError = error;
    return { status: 0, h1: undefined };
  }
}

/** Polls `url` until `done` holds; returns how long it took, or fails after DEADLINE_MS. */
async function waitFor(url: string, done: (page: { status: number; h1: string | undefined }) => boolean): Promise<number> {
  const start = Date.now();
  let last = await look(url);
  while (!done(last)) {
    if (Date.now() - start > DEADLINE_MS) throw new Error(`no change within ${DEADLINE_MS} ms: last ${JSON.stringify(last)}\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await look(url);
  }
  return Date.now() - start;
}

/** The environment without vitest's markers, which would make Astro's dev server run as inside a test (it never listens). */
function serverEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
}

/** The analysis with another title. */
function titled(title: string): string {
  return original.replace(/^title: .*$/m, `title: "${title}"`);
}

/** Starts `astro dev` on the temp content and waits until it serves the page. */
async function startServer(): Promise<void> {
  server = spawn(NODE, [...ASTRO, 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: { ...serverEnv(), BAROMETER_CONTENT: join(dir, 'content'), BAROMETER_CACHE_DIR: join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  server.on('exit', () => (exited = true));
  const start = Date.now();
  while ((await look(PAGE)).status !== 200) {
    if (exited || Date.now() - start > 120_000) throw new Error(`astro dev did not serve ${PAGE} (${String(lastError)}):\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Stops the dev server and waits for it to exit. */
async function stopServer(): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill();
  await exited;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-dev-'));
  await cp('content', join(dir, 'content'), { recursive: true });
  file = join(dir, 'content/analyses/en', `${SLUG}.md`);
  original = await readFile(file, 'utf8');
  await startServer();
}, 150_000);

afterAll(async () => {
  server?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('shows the analysis as written', async () => {
    expect((await look(PAGE)).h1).toBe('Minsk bets on a divided West');
  });

  it('logs a malformed save as validate prints it, then shows the fixed file', async () => {
    await writeFile(file, original.replace(/^title: .*$/m, 'title: [unclosed'));
    await waitFor(PAGE, (p) => p.status === 404);
    // The same line the validator prints for this folder (paths relative to the project root).
    const expected = (await readContent(join(dir, 'content'))).problems.map(formatProblem);
    expect(expected).toEqual([expect.stringMatching(new RegExp(`analyses/en/${SLUG}\\.md:\\d+: frontmatter: malformed YAML`))]);
    expect(output).toContain(expected[0]);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    await writeFile(file, titled('Fixed after a bad save'));
    const ms = await waitFor(PAGE, (p) => p.h1 === 'Fixed after a bad save');
    console.log(`live preview: fixed file shown after ${ms} ms`);
  }, 40_000);

  it('shows every later edit', async () => {
    for (const title of ['Second edit', 'Third edit']) {
      await writeFile(file, titled(title));
      const ms = await waitFor(PAGE, (p) => p.h1 === title);
      console.log(`live preview: edit shown after ${ms} ms`);
    }
  }, 40_000);

  it('shows a new file, and drops it once deleted', async () => {
    const added = join(dir, 'content/analyses/en/2022-08-29-a-new-file.md');
    await writeFile(added, titled('A new file').replace(/^translationKey: .*$/m, 'translationKey: a-new-file'));
    const url = `${ORIGIN}/analyses/2022-08-29-a-new-file/`;
    console.log(`live preview: new file shown after ${await waitFor(url, (p) => p.h1 === 'A new file')} ms`);
    await unlink(added);
    console.log(`live preview: deleted file gone after ${await waitFor(url, (p) => p.status === 404)} ms`);
  }, 40_000);

  it('serves a topic page, the week and /trends/, and a saved edit reaches the topic page and the week', async () => {
    // The analysis route works out its props only for the page served in dev (routing/route-data.ts,
    // lazyPath): the other page types must still get theirs, and show an edit.
    const topic = `${ORIGIN}/topics/belarus-west-relations/`;
    const week = `${ORIGIN}/weeks/2022-08-29/`;
    for (const url of [topic, week, `${ORIGIN}/trends/`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(/<h1[^>]*>[^<]+</.test(await res.text()), url).toBe(true);
    }
    await writeFile(file, titled('Shown on the listings'));
    await waitFor(PAGE, (p) => p.h1 === 'Shown on the listings');
    for (const url of [topic, week]) {
      const html = await (await fetch(url)).text();
      expect(html, url).toContain('Shown on the listings');
      expect(html, url).toContain(`/analyses/${SLUG}/`);
    }
  }, 60_000);

  it('after a restart with the cache folder kept, reports a file broken while it was stopped and shows the rest', async () => {
    // The check results of the last run are read back (content-reader/check-cache-file.ts): they
    // must not hide a change made while the preview was stopped.
    await stopServer();
    const other = join(dir, 'content/analyses/en/2022-08-29-the-nomenklatura-waits-out-the-war.md');
    const otherText = await readFile(other, 'utf8');
    output = '';
    await writeFile(other, otherText.replace(/^title: .*$/m, 'title: [unclosed'));
    await writeFile(file, titled('Changed while stopped'));
    try {
      await startServer();
      expect((await look(PAGE)).h1).toBe('Changed while stopped');
      expect((await look(`${ORIGIN}/analyses/2022-08-29-the-nomenklatura-waits-out-the-war/`)).status).toBe(404);
      expect(output).toMatch(/analyses\/en\/2022-08-29-the-nomenklatura-waits-out-the-war\.md:\d+: frontmatter: malformed YAML/);
      const other2 = await fetch(`${ORIGIN}/analyses/2022-02-28-minsk-lends-territory-not-troops/`);
      expect(other2.status).toBe(200);
    } finally {
      await writeFile(other, otherText);
    }
  }, 150_000);

  it('shows every analysis with its text after a restart with the cache folder emptied (as npm ci empties node_modules/.astro)', async () => {
    // The preview keeps its data store in .astro/ and the rendered HTML in the cache folder: an
    // entry the store still knows must be rendered again when its file is gone (it was a 500).
    await stopServer();
    await rm(join(dir, 'cache'), { recursive: true, force: true });
    await startServer();
    for (const slug of ['2024-01-15-four-parties-left', '2022-02-28-minsk-lends-territory-not-troops']) {
      const res = await fetch(`${ORIGIN}/analyses/${slug}/`);
      expect(res.status, slug).toBe(200);
      expect((await res.text()).match(/<p>/g)?.length ?? 0, slug).toBeGreaterThan(3);
    }
  }, 150_000);
});
